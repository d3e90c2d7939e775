import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/main/menu';
import type { MenuCommand } from '../../electron/api/menu-commands';

function build(over: { isMac?: boolean; isDev?: boolean } = {}) {
  const sent: MenuCommand[] = [];
  let about = 0;
  const template = menuTemplate({ isMac: false, isDev: false, ...over, send: (c) => sent.push(c), showAbout: () => about++ });
  return { template, sent, about: () => about };
}

const items = (m: MenuItemConstructorOptions) => (m.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
const labels = (m: MenuItemConstructorOptions) => items(m).map((i) => i.label);
const find = (template: MenuItemConstructorOptions[], top: string, label: string) =>
  items(template.find((m) => m.label === top)!).find((i) => i.label === label)!;

describe('application menu', () => {
  it('has 文件 编辑 视图 帮助 in Chinese', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(template[0])).toEqual(['导入报告…', '导入新版本…', '导出交换包…', '打印或导出 PDF…', '退出']);
    expect(labels(template[1])).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(template[2])).toEqual(['实际大小', '放大', '缩小', '全屏']);
    expect(labels(template[3])).toEqual(['关于审议台']);
  });

  it('文件 commands are sent to the page, with keyboard shortcuts', () => {
    const { template, sent } = build();
    find(template, '文件', '导入报告…').click!(undefined as never, undefined, undefined as never);
    find(template, '文件', '导入新版本…').click!(undefined as never, undefined, undefined as never);
    find(template, '文件', '导出交换包…').click!(undefined as never, undefined, undefined as never);
    find(template, '文件', '打印或导出 PDF…').click!(undefined as never, undefined, undefined as never);
    expect(sent).toEqual(['report.import', 'report.importVersion', 'bundle.export', 'report.print']);
    expect(find(template, '文件', '导入报告…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(template, '文件', '打印或导出 PDF…').accelerator).toBe('CmdOrCtrl+P');
  });

  it('edit, view and quit items use the standard roles (they work in text fields and follow the platform)', () => {
    const { template } = build();
    expect(items(template[1]).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(items(template[2]).map((i) => i.role)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(find(template, '文件', '退出').role).toBe('quit');
  });

  it('reload and developer tools exist only in a development run', () => {
    expect(labels(build({ isDev: true }).template[2])).toEqual(['重新加载', '开发者工具', '实际大小', '放大', '缩小', '全屏']);
    expect(find(build({ isDev: true }).template, '视图', '重新加载').role).toBe('reload');
    expect(JSON.stringify(build().template)).not.toMatch(/reload|toggleDevTools/i);
  });

  it('关于审议台 shows the about box', () => {
    const b = build();
    find(b.template, '帮助', '关于审议台').click!(undefined as never, undefined, undefined as never);
    expect(b.about()).toBe(1);
  });

  it('on macOS 退出 moves to the application menu', () => {
    const { template } = build({ isMac: true });
    expect(template.map((m) => m.label)).toEqual(['审议台', '文件', '编辑', '视图', '帮助']);
    expect(labels(template[1])).not.toContain('退出');
    expect(items(template[0]).find((i) => i.role === 'quit')?.label).toBe('退出审议台');
  });
});
