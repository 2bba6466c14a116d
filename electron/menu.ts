/**
 * The application menu, as a plain template main.ts hands to Menu.buildFromTemplate. Packaged builds offer only what a
 * reviewer needs: no developer tools and no reload (a reload would drop the unlocked store mid-task and, with devtools,
 * would let anyone at the keyboard read the data key from memory). Unpackaged builds keep both for development.
 */
export type MenuRole =
  | 'about' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools'
  | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'close' | 'front';

export type MenuItem = { role: MenuRole; label?: string } | { type: 'separator' } | { label: string; submenu: MenuItem[] };

export interface MenuOptions {
  appName: string;
  packaged: boolean;
  platform: string;
}

const separator: MenuItem = { type: 'separator' };

export function applicationMenu({ appName, packaged, platform }: MenuOptions): MenuItem[] {
  const mac = platform === 'darwin';
  const development: MenuItem[] = packaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const edit: MenuItem = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuItem = {
    label: 'View',
    submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };
  const window: MenuItem = { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] };
  const about: MenuItem = { role: 'about', label: `About ${appName}` };
  // Each platform's own convention: the app's menu on macOS; File (Quit) and Help (About) elsewhere.
  if (mac) {
    return [
      { label: appName, submenu: [about, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit', label: `Quit ${appName}` }] },
      edit,
      view,
      window,
    ];
  }
  return [{ label: 'File', submenu: [{ role: 'quit', label: 'Quit' }] }, edit, view, window, { label: 'Help', submenu: [about] }];
}
