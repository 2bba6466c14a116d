import { getSetting, requestPersistentStorage, setSetting } from '../../store/settings.js';
import type { ForesightDb } from '../../store/db.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { loadDemoCase } from './loadDemo.js';

const DEMO_INSTALLED = 'demoInstalled';

/**
 * On the very first run, import the demo case and open it. Once installed it is never re-added behind the
 * user's back: a deleted demo stays deleted until they restore it from the case list.
 */
export async function firstRun(db: ForesightDb): Promise<void> {
  void requestPersistentStorage(navigator.storage);
  if (await getSetting<boolean>(db, DEMO_INSTALLED)) return;
  const demo = await loadDemoCase(db);
  await setSetting(db, DEMO_INSTALLED, true);
  if (!window.location.hash || window.location.hash === '#/') navigate(href.case(demo.id));
}
