import { t } from '../../i18n/zh-CN';
import type { MenuItem } from './Menu';
import { exportAs } from './exportFile';

/**
 * The compiled lists of a report: 修改意见汇总表, the 审议意见 简报, 代表建议 and 政协提案 (one file,
 * a register, or one file each), the annotation digest and Web Annotation data.
 */
export function collectionExports(reportId: string, versionId: string | undefined): MenuItem[] {
  const x = t.drafts.exportItems;
  return [
    { key: 'a-docx', label: x.amendmentsDocx, run: () => void exportAs('docx', { what: 'amendments', reportId }) },
    { key: 'a-csv', label: x.amendmentsCsv, run: () => void exportAs('csv', { what: 'amendments', reportId }) },
    { key: 'a-md', label: x.amendmentsMd, run: () => void exportAs('markdown', { what: 'amendments', reportId }) },
    { key: 'o-docx', separated: true, label: x.opinionsDocx, run: () => void exportAs('docx', { what: 'opinions', reportId }) },
    { key: 'o-md', label: x.opinionsMd, run: () => void exportAs('markdown', { what: 'opinions', reportId }) },
    { key: 's-docx', separated: true, label: x.suggestionsDocx, run: () => void exportAs('docx', { what: 'suggestions', reportId }) },
    { key: 's-csv', label: x.suggestionsCsv, run: () => void exportAs('csv', { what: 'suggestions', reportId }) },
    { key: 's-zip', label: x.suggestionsZip, run: () => void exportAs('zip', { what: 'suggestions', reportId }) },
    { key: 'p-docx', separated: true, label: x.proposalsDocx, run: () => void exportAs('docx', { what: 'proposals', reportId }) },
    { key: 'p-csv', label: x.proposalsCsv, run: () => void exportAs('csv', { what: 'proposals', reportId }) },
    { key: 'p-zip', label: x.proposalsZip, run: () => void exportAs('zip', { what: 'proposals', reportId }) },
    { key: 'd-docx', separated: true, label: x.digestDocx, run: () => void exportAs('docx', { what: 'digest', reportId, versionId }) },
    { key: 'd-md', label: x.digestMd, run: () => void exportAs('markdown', { what: 'digest', reportId, versionId }) },
    { key: 'd-csv', label: x.digestCsv, run: () => void exportAs('csv', { what: 'digest', reportId, versionId }) },
    { key: 'w', separated: true, label: x.annotationsJson, run: () => void exportAs('webAnnotation', { what: 'annotations', reportId, versionId }) },
  ];
}
