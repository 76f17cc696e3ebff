// A wasm binary read (and its parts written) by hand, for the build steps and tools that change or
// measure one section and copy the rest byte for byte (tools/imports.mjs, tools/data-split.mjs,
// bench/startup-names.mjs).

/** The unsigned LEB128 number at `at.i`, moving `at.i` past it. */
export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at.i++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}

/** `value` as unsigned LEB128. */
export function leb(value) {
  const out = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return Buffer.from(out);
}

/** The signed LEB128 number (32 bits) at `at.i`, moving `at.i` past it. */
export function readSleb(bytes, at) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at.i++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if (shift < 32 && byte & 0x40) result |= -1 << shift;
  return result;
}

/** `value` (a 32-bit integer) as signed LEB128. */
export function sleb(value) {
  const out = [];
  let v = value;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && !(byte & 0x40)) || (v === -1 && byte & 0x40);
    out.push(done ? byte : byte | 0x80);
    if (done) return Buffer.from(out);
  }
}

/** A name as the binary writes it: its length, then its UTF-8 bytes. */
export const encodeName = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text, 'utf8')]);

/** The name at `at.i`, moving `at.i` past it. */
export function readName(bytes, at) {
  const length = readLeb(bytes, at);
  const text = bytes.subarray(at.i, at.i + length).toString('utf8');
  at.i += length;
  return text;
}

/**
 * Each section in order: `id`, `start` (its first byte), `body` (its contents' first byte), `end`,
 * and for a custom section (id 0) its `name` and where its contents start after it (`data`).
 */
export function* sections(bytes) {
  const at = { i: 8 };
  while (at.i < bytes.length) {
    const start = at.i;
    const id = bytes[at.i++];
    const size = readLeb(bytes, at);
    const body = at.i;
    const end = body + size;
    const custom = id === 0 ? { name: readName(bytes, at), data: at.i } : { name: '', data: body };
    yield { id, start, body, end, ...custom };
    at.i = end;
  }
}

/**
 * The import entry at `at.i` (in the import section's body), moving `at.i` past it: its module,
 * field, kind (0 function, 1 table, 2 memory, 3 global) and the bytes of its description.
 */
export function readImport(bytes, at) {
  const module = readName(bytes, at);
  const field = readName(bytes, at);
  const descStart = at.i;
  const kind = bytes[at.i++];
  const limits = () => {
    const flags = readLeb(bytes, at);
    readLeb(bytes, at);
    if (flags & 1) readLeb(bytes, at);
  };
  if (kind === 0) readLeb(bytes, at); // function: its type
  else if (kind === 1) { at.i += 1; limits(); } // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) at.i += 2; // global: type, mutability
  else throw new Error(`import ${module}.${field}: unknown kind ${kind}`);
  return { module, field, kind, desc: bytes.subarray(descStart, at.i) };
}

/** Every import of the wasm, in order: `{ module, field, kind }` (see [`readImport`]). */
export function imports(bytes) {
  const found = [];
  for (const section of sections(bytes)) {
    if (section.id !== 2) continue;
    const at = { i: section.body };
    for (let n = readLeb(bytes, at); n > 0; n--) {
      const { module, field, kind } = readImport(bytes, at);
      found.push({ module, field, kind });
    }
  }
  return found;
}
