import { describe, expect, it, vi } from 'vitest';
import { createBridgeHandlers, registerBridge, serveBridgeCall } from '../../electron/ipc.js';
import { BRIDGE_METHODS, channelFor } from '../../shared/bridge/contract.js';

const app = { name: 'Foresight', version: '1.2.3', platform: 'linux' };
const noSecretStore = { isAsyncEncryptionAvailable: async () => false, encryptStringAsync: vi.fn(), decryptStringAsync: vi.fn() };
const handlers = (getAppInfo: () => Promise<unknown>) => ({ ...createBridgeHandlers(app, noSecretStore), getAppInfo }) as never;
const trusted = { url: 'app://foresight/index.html', parent: null };

describe('bridge calls in the main process', () => {
  it('serves a good request from the app', async () => {
    await expect(serveBridgeCall(createBridgeHandlers(app, noSecretStore), 'getAppInfo', trusted, {})).resolves.toEqual({
      name: 'Foresight', version: '1.2.3', shell: 'desktop', platform: 'linux',
    });
  });

  it('rejects a sender that is not the app, without running the handler', async () => {
    const getAppInfo = vi.fn();
    await expect(serveBridgeCall(handlers(getAppInfo), 'getAppInfo', { url: 'https://evil.example/', parent: null }, {})).rejects.toThrow(/sender is not the app/);
    await expect(serveBridgeCall(handlers(getAppInfo), 'getAppInfo', { url: 'app://foresight/', parent: {} }, {})).rejects.toThrow(/sender is not the app/);
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
    registerBridge({ handle: (channel) => channels.push(channel) }, createBridgeHandlers(app, noSecretStore));
    expect(channels).toEqual(BRIDGE_METHODS.map(channelFor));
  });
});
