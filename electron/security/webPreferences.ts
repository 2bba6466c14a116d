/**
 * The security baseline for every window. Never loosened: the renderer handles sensitive case data and parses
 * untrusted files, so it runs sandboxed, isolated, and without Node.
 */
export function secureWebPreferences(preloadPath: string, { packaged }: { packaged: boolean }) {
  return {
    preload: preloadPath,
    // Developer tools can read the unlocked store and its key: only in development, never in a packaged build.
    devTools: !packaged,
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
