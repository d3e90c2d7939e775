/**
 * Shows the back end's Markdown of a draft (the exported layout) as React elements. It reads only
 * the small subset the exporters write — headings, tables, quotes, list items, paragraphs, bold,
 * italics, backslash escapes and <br> in cells — and never injects HTML.
 */
import type { ReactNode } from 'react';

/** Inline text: \x escapes, **bold**, *italic*. */
export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let buf = '';
  let bold = false;
  let em = false;
  const push = () => {
    if (!buf) return;
    const key = out.length;
    let node: ReactNode = buf;
    if (em) node = <em key={`e${key}`}>{node}</em>;
    if (bold) node = <strong key={`b${key}`}>{node}</strong>;
    out.push(bold || em ? node : <span key={`t${key}`}>{node}</span>);
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      buf += text[++i];
    } else if (c === '*' && text[i + 1] === '*') {
      push();
      bold = !bold;
      i++;
    } else if (c === '*') {
      push();
      em = !em;
    } else buf += c;
  }
  push();
  return out;
}

/** Splits a table line on pipes that are not escaped. */
function cells(line: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && i + 1 < line.length) {
      cur += line[i] + line[++i];
    } else if (line[i] === '|') {
      parts.push(cur);
      cur = '';
    } else cur += line[i];
  }
  parts.push(cur);
  return parts.slice(1, -1).map((c) => c.trim());
}

function cellContent(text: string): ReactNode[] {
  return text.split('<br>').flatMap((line, i) => (i ? [<br key={`br${i}`} />, ...inline(line)] : inline(line)));
}

export function MarkdownPreview({ markdown }: { markdown: string }) {
  const chunks = markdown.split(/\n{2,}/).filter((c) => c.trim());
  return (
    <div className="md-preview">
      {chunks.map((chunk, i) => {
        if (chunk.startsWith('## ')) return <h4 key={i}>{inline(chunk.slice(3))}</h4>;
        if (chunk.startsWith('# ')) return <h3 key={i}>{inline(chunk.slice(2))}</h3>;
        if (chunk.startsWith('> ')) return <blockquote key={i}>{inline(chunk.slice(2))}</blockquote>;
        if (chunk.startsWith('|')) {
          const [head, , ...rows] = chunk.split('\n');
          return (
            <table key={i}>
              <thead>
                <tr>
                  {cells(head).map((c, j) => (
                    <th key={j}>{cellContent(c)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, k) => (
                  <tr key={k}>
                    {cells(r).map((c, j) => (
                      <td key={j}>{cellContent(c)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }
        if (chunk.startsWith('- '))
          return (
            <p key={i} className="md-item">
              {inline(chunk.slice(2))}
            </p>
          );
        if (chunk.startsWith('——'))
          return (
            <p key={i} className="md-sign">
              {inline(chunk)}
            </p>
          );
        return <p key={i}>{inline(chunk.replace(/^ {2}/, ''))}</p>;
      })}
    </div>
  );
}
