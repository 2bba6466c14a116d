/**
 * Hand the user a file the app made: a download in the browser build; in the desktop app Electron shows its save
 * dialog for the same download.
 */
export function saveFile(content: string | Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content as string | Uint8Array<ArrayBuffer>], { type }));
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  // Revoked once the download has had time to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
