/**
 * Drafting core: draft kinds for the UI, validation, the official amendment wording, and the
 * exporters (docx, Markdown, CSV, W3C Web Annotation). Exporters return bytes or text only.
 */
export * from './types';
export * from './kinds';
export * from './validate';
export * from './wording';
export * from './export/types';
export * from './export/rows';
export * from './export/docx';
export * from './export/markdown';
export * from './export/csv';
export * from './export/webannotation';
export * from './position';
export * from './authorship';
export * from './naming';
