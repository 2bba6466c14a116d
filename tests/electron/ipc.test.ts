import { describe, expect, it, vi } from 'vitest';
import { createBridgeHandlers, registerBridge, serveBridgeCall } from '../../electron/ipc.js';
import { BRIDGE_METHODS, channelFor } from '../../shared/bridge/contract.js';

const app = { name: 'Foresight', version: '1.2.3', platform: 'linux' };
const noSecretStore = { isAsyncEncryptionAvailable: async () => false, encryptStringAsync: vi.fn(), decryptStringAsync: vi.fn() };
const noDocuments = { documentsFolder: () => '/home/me/Documents', showSaveDialog: async () => ({ canceled: true }), writeFile: async () => {}, exists: async () => false };
const handlers = (getAppInfo: () => Promise<unknown>) => ({ ...createBridgeHandlers(app, noSecretStore, noDocuments), getAppInfo }) as never;
const contents = { printToPDF: async () => new Uint8Array() };
const from = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent }, sender: contents });
const trusted = from('app://foresight/index.html');

describe('bridge calls in the main process', () => {
  it('serves a good request from the app', async () => {
    await expect(serveBridgeCall(createBridgeHandlers(app, noSecretStore, noDocuments), 'getAppInfo', trusted, {})).resolves.toEqual({
      name: 'Foresight', version: '1.2.3', shell: 'desktop', platform: 'linux',
    });
  });

  it('rejects a sender that is not the app, without running the handler', async () => {
    const getAppInfo = vi.fn();
    await expect(serveBridgeCall(handlers(getAppInfo), 'getAppInfo', from('https://evil.example/'), {})).rejects.toThrow(/sender is not the app/);
    await expect(serveBridgeCall(handlers(getAppInfo), 'getAppInfo', from('app://foresight/', {}), {})).rejects.toThrow(/sender is not the app/);
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('rejects a payload that does not match the contract, without running the handler', async () => {
    const getAppInfo = vi.fn();
    for (const payload of [{ extra: 1 }, null, 'x', [1]]) {
      await expect(serveBridgeCall(handlers(getAppInfo), 'getAppInfo', trusted, payload)).rejects.toThrow(/request is not valid/);
    }
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('refuses to send back an answer that breaks the contract', async () => {
    const bad = { getAppInfo: async () => ({ name: 'x' }) as never };
    await expect(serveBridgeCall(handlers(bad.getAppInfo), 'getAppInfo', trusted, {})).rejects.toThrow();
  });

  it('registers one channel per contract method, and nothing else', () => {
    const channels: string[] = [];
    registerBridge({ handle: (channel) => channels.push(channel) }, createBridgeHandlers(app, noSecretStore, noDocuments));
    expect(channels).toEqual(BRIDGE_METHODS.map(channelFor));
  });
});
