/**
 * The Chinese application menu. Edit and view items use Electron's roles (they act on the
 * focused page); the 文件 commands are sent to the renderer, which owns those workflows.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../api/menu-commands';

export interface MenuActions {
  isMac: boolean;
  /** development run: adds 重新加载 and 开发者工具 */
  isDev: boolean;
  send(command: MenuCommand): void;
  showAbout(): void;
}

export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => a.send(cmd) });
  const devItems: MenuItemConstructorOptions[] = a.isDev
    ? [{ label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        command('导入报告…', 'report.import', 'CmdOrCtrl+O'),
        command('导入新版本…', 'report.importVersion', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        command('导出交换包…', 'bundle.export', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        command('打印或导出 PDF…', 'report.print', 'CmdOrCtrl+P'),
        ...(a.isMac ? [] : [{ type: 'separator' } as const, { label: '退出', role: 'quit' } as const]),
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...devItems,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', role: 'help', submenu: [{ label: '关于审议台', click: () => a.showAbout() }] },
  ];
  // macOS puts 退出 in the application menu, named after the app.
  if (a.isMac)
    template.unshift({
      label: '审议台',
      submenu: [{ label: '关于审议台', click: () => a.showAbout() }, { type: 'separator' }, { label: '退出审议台', role: 'quit' }],
    });
  return template;
}
