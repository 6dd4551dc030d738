/**
 * Runs Taro's weapp build inside miniprogram-simulate. Taro pages call `Page(options)`;
 * miniprogram-simulate renders only custom components, so `Page` here registers the same
 * options as a `Component` whose lifetimes call the page hooks. `App`, `getApp` and
 * `getCurrentPages` stand in for the mini-program host, and `wx.cloud` is a test double
 * that returns the results of cloud function calls.
 */
const path = require('path');
const simulate = require('miniprogram-simulate');

const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp');

const host = { app: undefined, pages: [], cloudCalls: [], handlers: new Map(), pageIds: new Map() };

function installHost() {
  global.App = (options) => {
    host.app = options;
  };
  global.getApp = () => host.app;
  global.getCurrentPages = () => host.pages;
  global.Page = (options) => {
    const methods = {};
    for (const [name, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[name] = value;
    }
    global.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached() {
          host.pages.push(this);
          options.onLoad?.call(this, host.nextQuery ?? {});
          options.onShow?.call(this);
        },
        ready() {
          options.onReady?.call(this);
        },
        detached() {
          options.onUnload?.call(this);
          host.pages = host.pages.filter((page) => page !== this);
        },
      },
    });
  };
  global.wx.cloud = {
    init: () => Promise.resolve(),
    callFunction: async ({ name, data }) => {
      host.cloudCalls.push({ name, data });
      const handler = host.handlers.get(name);
      if (!handler) throw new Error(`no cloud handler for ${name}`);
      return { result: await handler(data), errMsg: 'cloud.callFunction:ok' };
    },
  };
}

/** Loads app.js once, as the mini-program host does before the first page. */
function launchApp() {
  if (host.app) return;
  installHost();
  require(path.join(WEAPP_DIR, 'app.js'));
  host.app.onLaunch?.({ path: 'pages/index/index', query: {} });
  host.app.onShow?.({ path: 'pages/index/index', query: {} });
}

/** Makes calls of the cloud function `name` return `ok: true` with `handler(data)`. */
function onCloud(name, handler) {
  host.handlers.set(name, async (data) => ({
    ok: true,
    requestId: 'simulate',
    data: await handler(data),
  }));
}

/** Renders one built page (e.g. "loan/borrow/index") and attaches it to the document. */
function renderPage(route, query = {}) {
  launchApp();
  host.nextQuery = query;
  // A page's module runs once per process (webpack caches it), so each page is loaded once.
  if (!host.pageIds.has(route)) {
    host.pageIds.set(route, simulate.load(path.join(WEAPP_DIR, route), { rootPath: WEAPP_DIR }));
  }
  const id = host.pageIds.get(route);
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** Waits until the page's rendered text matches `pattern`. */
async function waitForText(page, pattern, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = page.dom.textContent;
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`text ${pattern} not rendered; page shows: ${text}`);
    await simulate.sleep(20);
  }
}

module.exports = { host, onCloud, renderPage, waitForText, simulate, WEAPP_DIR };
