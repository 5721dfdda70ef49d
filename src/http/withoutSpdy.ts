import Module, { createRequire } from 'node:module';

/**
 * Imported before restify (src/http/server.ts): restify without the SPDY module it loads and
 * never uses here, and so without Node's DEP0111 warning on every start.
 *
 * restify 11 requires `spdy` as it loads (lib/server.js), spdy requires http-deceiver, and
 * http-deceiver calls the deprecated process.binding('http_parser') at once, which prints
 * "[DEP0111] DeprecationWarning: Access to process.binding('http_parser') is deprecated" twice
 * (and may fail outright on later Node versions). restify only uses spdy for
 * createServer({ spdy }), which this bot never passes. So, for restify, `spdy` is a stand-in
 * that refuses to create a server; the real one is never loaded. (restify PR #1943 loads spdy
 * lazily, but no 11.x release has it; restify 12 drops spdy and needs Node 22.)
 *
 * Jest's module registry ignores require.cache, so in-process tests load the real spdy: `npm
 * test` runs Jest with --disable-warning=DEP0111 for that.
 */

// restify's spdy (a dependency of restify, not of the bot): resolved from restify's own module.
const spdyFile = createRequire(require.resolve('restify')).resolve('spdy');

if (!require.cache[spdyFile]) {
  const standIn = new Module(spdyFile);
  standIn.filename = spdyFile;
  standIn.loaded = true;
  standIn.exports = {
    createServer(): never {
      throw new Error("restify's spdy option is not available in this bot (src/http/withoutSpdy.ts)");
    },
  };
  require.cache[spdyFile] = standIn;
}
