/**
 * The security baseline for every window. Never loosened: the renderer handles sensitive case data and parses
 * untrusted files, so it runs sandboxed, isolated, and without Node.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click would open links in new windows; those are denied anyway, this stops the attempt.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}
