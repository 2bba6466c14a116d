// The composition root: the only module in electron/ that imports Electron. Everything it wires is a pure function
// or a handler with injected adapters, tested without the Electron binary.
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { hardenContents, hardenSession } from './hardening.js';
import { createBridgeHandlers, registerBridge } from './ipc.js';
import { applicationMenu } from './menu.js';
import { createAppProtocolHandler } from './protocol.js';
import { APP_ORIGIN, APP_SCHEME } from './security/origin.js';
import { secureWebPreferences } from './security/webPreferences.js';

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  app.whenReady().then(() => {
    hardenSession(session.defaultSession, app.isPackaged);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(__dirname, '../renderer'), readFile }));
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu({ appName: app.getName(), packaged: app.isPackaged, platform: process.platform })));
    registerBridge(
      ipcMain,
      createBridgeHandlers({ name: app.getName(), version: app.getVersion(), platform: process.platform }, safeStorage, {
        documentsFolder: () => app.getPath('documents'),
        // The dialog belongs to the window that asked, so it is modal to it.
        showSaveDialog: (caller, options) => {
          const window = BrowserWindow.getAllWindows().find((w) => w.webContents === caller);
          return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
        },
        writeFile: (path, data) => writeFile(path, data),
        exists: (path) => access(path).then(() => true, () => false),
      }),
    );

    mainWindow = new BrowserWindow({
      width: 1400,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      title: 'Foresight',
      show: false,
      webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs'), { packaged: app.isPackaged }),
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => (mainWindow = null));
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
}
