import { describe, expect, it } from 'vitest';
import { applicationMenu, type MenuItem } from '../../electron/menu.js';

const roles = (items: MenuItem[]): string[] => items.flatMap((i) => ('role' in i ? [i.role] : 'submenu' in i ? roles(i.submenu) : []));
const menu = (label: string, items: MenuItem[]) => items.find((i): i is Extract<MenuItem, { submenu: MenuItem[] }> => 'submenu' in i && i.label === label);

describe('the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux']) {
    it(`on ${platform}, a packaged build has no developer tools and no reload`, () => {
      const template = applicationMenu({ appName: 'Foresight', packaged: true, platform });
      const all = roles(template);
      for (const role of ['toggleDevTools', 'reload', 'forceReload']) expect(all).not.toContain(role);
      expect(all).toEqual(expect.arrayContaining(['about', 'quit', 'togglefullscreen', 'minimize']));
      expect(roles(menu('Edit', template)?.submenu ?? [])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
      expect(roles(menu('View', template)?.submenu ?? [])).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
      expect(menu('Window', template)).toBeDefined();
    });

    it(`on ${platform}, an unpackaged build keeps developer tools and reload for development`, () => {
      const all = roles(applicationMenu({ appName: 'Foresight', packaged: false, platform }));
      expect(all).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']));
    });
  }

  it('follows each platform: the app menu on macOS, File and Help elsewhere', () => {
    expect(applicationMenu({ appName: 'Foresight', packaged: true, platform: 'darwin' }).map((i) => ('label' in i ? i.label : ''))).toEqual(['Foresight', 'Edit', 'View', 'Window']);
    expect(applicationMenu({ appName: 'Foresight', packaged: true, platform: 'win32' }).map((i) => ('label' in i ? i.label : ''))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });
});
