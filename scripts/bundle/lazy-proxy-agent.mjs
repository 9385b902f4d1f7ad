// Stands in for undici's ProxyAgent inside @actions/http-client when dist/ is built (scripts/build.mjs
// rewrites that package's `import { ProxyAgent } from 'undici'` to this file). @actions/core loads
// http-client at start-up for getIDToken, which never uses undici, yet the static import made every step
// load all of undici (~900 KB, tens of ms). This is the change upstream proposes (actions/toolkit #1800),
// made at bundle time: undici becomes a chunk loaded on first use.
//
// http-client's getAgentDispatcher() is synchronous, so the stand-in is constructed synchronously with the
// options and builds the real ProxyAgent at its first dispatch. A dispatcher is only ever used by undici's own
// fetch or request, which means undici is loaded by then; if it is not, the error says so.
let undici;

/** Loads undici (once) so stand-ins can build real agents; anything that dispatches has done this already. */
export async function loadUndici() {
  undici ??= await import('undici');
  return undici;
}

export class ProxyAgent {
  #options;
  #agent;

  constructor(options) {
    this.#options = options;
    // The real class loads in the background, so a dispatch right after construction finds it.
    void loadUndici();
  }

  #real() {
    if (!undici) throw new Error('undici is not loaded yet: await loadUndici() before dispatching through a ProxyAgent');
    this.#agent ??= new undici.ProxyAgent(this.#options);
    return this.#agent;
  }

  dispatch(options, handler) {
    return this.#real().dispatch(options, handler);
  }

  async close() {
    await this.#agent?.close();
  }

  async destroy(error) {
    await this.#agent?.destroy(error);
  }
}
