/**
 * SHA-1 in WebAssembly (./sha1.wat, assembled), for inputs between what the JavaScript SHA-1 and
 * `node:crypto` serve best on the hook path: compiling this module costs a cold process a third of a
 * millisecond and hashes about 70 MB/s before V8 optimizes it, where loading `node:crypto` costs 2.5 ms.
 * Undefined when WebAssembly is not available (`--jitless`).
 */
const MODULE_BASE64 = 'AGFzbQEAAAABBQFgAX8AAwIBAAUDAQABBxMCBm1lbW9yeQIABmJsb2NrcwAACvsEAfgEAQ5/QYHGlLoGIQFBide2/n4hAkH+uevFeSEDQfaoyYEBIQRB8MPLnnwhBUGABCENQYAEIABBwABsaiEOAkADQCANIA5PDQFBACELA0AgC0ECdCANIAtBAnRqKAIAIgxBCHdB/4H8B3EgDEEIeEGA/oN4cXI2AgAgC0EBaiELIAtBEEkNAAsDQCALQQJ0IAtBA2tBAnQoAgAgC0EIa0ECdCgCAHMgC0EOa0ECdCgCACALQRBrQQJ0KAIAc3NBAXc2AgAgC0EBaiELIAtB0ABJDQALIAEhBiACIQcgAyEIIAQhCSAFIQpBACELA0AgBkEFdyAKaiALQQJ0KAIAQZnzidQFIAkgByAIIAlzcXNqamohDCAJIQogCCEJIAdBHnchCCAGIQcgDCEGIAtBAWohCyALQRRJDQALA0AgBkEFdyAKaiALQQJ0KAIAQaHX5/YGIAcgCHMgCXNqamohDCAJIQogCCEJIAdBHnchCCAGIQcgDCEGIAtBAWohCyALQShJDQALA0AgBkEFdyAKaiALQQJ0KAIAQdz57vh4IAcgCHEgCSAHIAhycXJqamohDCAJIQogCCEJIAdBHnchCCAGIQcgDCEGIAtBAWohCyALQTxJDQALA0AgBkEFdyAKaiALQQJ0KAIAQdaDi9N8IAcgCHMgCXNqamohDCAJIQogCCEJIAdBHnchCCAGIQcgDCEGIAtBAWohCyALQdAASQ0ACyABIAZqIQEgAiAHaiECIAMgCGohAyAEIAlqIQQgBSAKaiEFIA1BwABqIQ0MAAsLQcACIAE2AgBBxAIgAjYCAEHIAiADNgIAQcwCIAQ2AgBB0AIgBTYCAAs=';

/** Where the padded message starts in the module's memory (below: the schedule and the result). */
const DATA = 512;

interface Sha1Module {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  blocks(count: number): void;
}

// The project's TypeScript libs leave out the WebAssembly namespace; this is all of it used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
};

let compiled: Sha1Module | null | undefined;

function sha1Module(): Sha1Module | undefined {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(MODULE_BASE64, 'base64'))).exports as unknown as Sha1Module;
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/** The SHA-1 of the parts joined, as lower-case hex; undefined when WebAssembly is unavailable. */
export function sha1HexWasm(parts: readonly Uint8Array[]): string | undefined {
  const wasm = sha1Module();
  if (!wasm) return undefined;
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const blocks = ((length + 8) >>> 6) + 1;
  const end = DATA + blocks * 64;
  if (wasm.memory.buffer.byteLength < end) wasm.memory.grow(Math.ceil((end - wasm.memory.buffer.byteLength) / 65536));
  const bytes = new Uint8Array(wasm.memory.buffer);
  let at = DATA;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  // Padding: a 1 bit, zeros, then the message length in bits as a 64-bit big-endian number.
  bytes.fill(0, at, end);
  bytes[at] = 0x80;
  const view = new DataView(wasm.memory.buffer);
  view.setUint32(end - 8, Math.floor(length / 0x20000000), false);
  view.setUint32(end - 4, (length * 8) >>> 0, false);
  wasm.blocks(blocks);
  let hex = '';
  for (let word = 0; word < 5; word++) hex += view.getUint32(320 + word * 4, true).toString(16).padStart(8, '0');
  return hex;
}
