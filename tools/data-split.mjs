// The read-only data only the rest of a page's wasm uses, moved out of its start-up part and into the
// rest (called by tools/split.mjs after it has split the functions).
//
// Binaryen's splitter moves functions only: every byte of the wasm's data (the interface's words, the
// validator's messages, tables, panic messages) stays in the start-up part, which the first screen
// waits for. The rest imports the start-up part's memory, so an active data segment of the rest writes
// its bytes there when the rest is instantiated, before any of its functions can run.
//
// Which data only the rest uses: the linker knows, from the build's relocations, and nothing after it
// does. `make dist` links each split page's binary a second time with `--emit-relocs`
// (target/linkinfo; the same code and memory, checked byte for byte here), which keeps every data
// symbol (its address and size) and every reference to one (the symbol it names, whatever the offset
// added: a pointer may point before or past its object, as optimised loops do). Then:
// 1. every address constant in the start-up part's code (after wasm-bindgen, wasm-opt and the split)
//    keeps the symbols it is the address of by some relocation; a constant no relocation gives (one
//    folded by the optimiser from an address and an offset) keeps every symbol within 16 bytes of it;
// 2. a kept symbol keeps every symbol it holds a pointer to (the data relocations), transitively;
// 3. what moves is each read-only (`.rodata`) symbol the rest's code refers to in the same way and the
//    start-up part does not keep. Writable data, and bytes no symbol covers, never move.
// If anything does not match (no link info, a different binary, an unknown relocation), nothing moves
// and the build says why: the page is then as large as before, never wrong.
import binaryen from 'binaryen';
import { leb, readLeb, readName, readSleb, sections, sleb } from './wasm-bytes.mjs';

const SECTION = { code: 10, data: 11 };
// The relocation types that carry an addend (llvm/BinaryFormat/WasmRelocs.def) and, of those, the
// ones that are a memory address.
const WITH_ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
const MEMORY_ADDRESS = new Set([3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25]);
const KNOWN_TYPES = 26;
// How far from a constant no relocation gives to look for the symbols it may stand for.
const NEAR = 16;

/** The constant offset expression of an active segment: `i32.const N end`. */
function readOffset(bytes, at, what) {
  if (bytes[at.i++] !== 0x41) throw new Error(`${what}: an offset that is not i32.const`);
  const value = readSleb(bytes, at);
  if (bytes[at.i++] !== 0x0b) throw new Error(`${what}: an offset expression longer than i32.const`);
  return value;
}

/**
 * Each data segment of a wasm: its address, its bytes, and where they start in the data section's
 * contents (`at`). Active segments only: a passive one throws.
 */
export function dataSegments(bytes) {
  const out = [];
  for (const section of sections(bytes)) {
    if (section.id !== SECTION.data) continue;
    const at = { i: section.body };
    for (let n = readLeb(bytes, at); n > 0; n--) {
      const flags = readLeb(bytes, at);
      if (flags === 1) throw new Error('a passive data segment');
      if (flags === 2 && readLeb(bytes, at) !== 0) throw new Error('a data segment of a second memory');
      const address = readOffset(bytes, at, 'data segment');
      const length = readLeb(bytes, at);
      out.push({ address, bytes: bytes.subarray(at.i, at.i + length), at: at.i - section.body });
      at.i += length;
    }
  }
  return out;
}

/** The memory a wasm's data segments write, as the non-zero bytes by address (for comparing). */
function image(segments) {
  const out = new Map();
  for (const s of segments) s.bytes.forEach((b, i) => { if (b) out.set(s.address + i, b); });
  return out;
}

function sameImage(a, b) {
  if (a.size !== b.size) return false;
  for (const [address, byte] of a) if (b.get(address) !== byte) return false;
  return true;
}

/**
 * What the linker wrote of a binary linked with `--emit-relocs`: its data symbols (name, address,
 * size, output segment's name), the symbols each address-valued relocation of the code names (by the
 * value it gives), and each pointer in the data (where it is, the symbol it names).
 */
export function linkInfo(bytes) {
  const all = [...sections(bytes)];
  const linking = all.find((s) => s.id === 0 && s.name === 'linking');
  if (!linking) throw new Error('no linking section (not linked with --emit-relocs)');
  const segments = dataSegments(bytes);
  const at = { i: linking.data };
  const version = readLeb(bytes, at);
  if (version !== 2) throw new Error(`linking section version ${version}`);
  let segmentNames = [];
  const symbols = [];
  while (at.i < linking.end) {
    const type = bytes[at.i++];
    const end = readLeb(bytes, at) + at.i;
    if (type === 5) {
      segmentNames = [];
      for (let n = readLeb(bytes, at); n > 0; n--) {
        segmentNames.push(readName(bytes, at));
        readLeb(bytes, at); // alignment
        readLeb(bytes, at); // flags
      }
    } else if (type === 8) {
      for (let n = readLeb(bytes, at); n > 0; n--) {
        const kind = bytes[at.i++];
        const flags = readLeb(bytes, at);
        const undefinedSymbol = (flags & 0x10) !== 0;
        if (kind === 1) {
          const name = readName(bytes, at);
          if (undefinedSymbol) {
            symbols.push(null);
            continue;
          }
          const segment = readLeb(bytes, at);
          const offset = readLeb(bytes, at);
          const size = readLeb(bytes, at);
          // An absolute symbol (WASM_SYMBOL_ABSOLUTE) is an address of no segment: never moved.
          symbols.push(flags & 0x200 ? null : { name, segment, offset, size });
        } else if (kind === 3) {
          readLeb(bytes, at);
          symbols.push(null);
        } else if (kind <= 5) {
          // A function, global, tag or table: its index, and its name unless it is an import's.
          readLeb(bytes, at);
          if (!undefinedSymbol || flags & 0x40) readName(bytes, at);
          symbols.push(null);
        } else {
          throw new Error(`symbol kind ${kind} is not known`);
        }
      }
    }
    at.i = end;
  }
  if (segmentNames.length !== segments.length) throw new Error(`${segmentNames.length} segment names for ${segments.length} data segments`);
  for (const s of symbols) {
    if (!s) continue;
    if (s.segment >= segments.length) throw new Error(`data symbol ${s.name} in segment ${s.segment} of ${segments.length}`);
    s.section = segmentNames[s.segment];
    s.address = segments[s.segment].address + s.offset;
  }
  // A relocation section names its target by its index among all the sections, custom ones included.
  const codeIndex = all.findIndex((s) => s.id === SECTION.code);
  const dataIndex = all.findIndex((s) => s.id === SECTION.data);
  const byValue = new Map();
  const pointers = [];
  for (const section of all.filter((s) => s.id === 0 && s.name.startsWith('reloc.'))) {
    const r = { i: section.data };
    const target = readLeb(bytes, r);
    const inCode = target === codeIndex;
    const inData = target === dataIndex;
    for (let n = readLeb(bytes, r); n > 0; n--) {
      const type = bytes[r.i++];
      if (type > KNOWN_TYPES) throw new Error(`relocation type ${type} is not known`);
      const offset = readLeb(bytes, r);
      const index = readLeb(bytes, r);
      const addend = WITH_ADDEND.has(type) ? readSleb(bytes, r) : 0;
      if (!MEMORY_ADDRESS.has(type) || !(inCode || inData)) continue;
      const symbol = symbols[index];
      if (symbol === undefined) throw new Error(`relocation to symbol ${index}, past the table`);
      if (!symbol) continue; // an undefined symbol (none in a linked binary) or a section
      if (inCode) {
        const value = symbol.address + addend;
        if (!byValue.has(value)) byValue.set(value, new Set());
        byValue.get(value).add(symbol);
      } else {
        pointers.push({ offset, symbol });
      }
    }
  }
  // A pointer's place in memory: the data relocations' offsets count from the data section's
  // contents, as the linker wrote them.
  for (const p of pointers) {
    const segment = segments.find((s) => p.offset >= s.at && p.offset < s.at + s.bytes.length);
    if (!segment) throw new Error(`a data relocation at ${p.offset}, in no segment`);
    p.address = segment.address + (p.offset - segment.at);
  }
  const defined = symbols.filter((s) => s && s.size > 0).sort((a, b) => a.address - b.address);
  return { symbols: defined, byValue, pointers, segments };
}

/**
 * The code's constants that may be addresses: every i32 constant, load/store offset, and each half of
 * an i64 constant (the optimiser folds a pointer and a length stored side by side into one).
 */
function constants(bytes) {
  const mod = binaryen.readBinary(bytes);
  mod.setFeatures(binaryen.Features.MVP | binaryen.Features.MutableGlobals | binaryen.Features.BulkMemory);
  const text = mod.emitText().replace(/^ \(data [^\n]*$/gm, '');
  mod.dispose();
  const out = new Set();
  for (const m of text.matchAll(/(?:i32\.const |offset=)(\d+)/g)) out.add(Number(m[1]));
  for (const m of text.matchAll(/i64\.const (-?\d+)/g)) {
    const value = BigInt.asUintN(64, BigInt(m[1]));
    out.add(Number(value & 0xffffffffn));
    out.add(Number(value >> 32n));
  }
  return out;
}

/** The symbols (of `info`, sorted by address) that overlap [from, to). */
function overlapping(info, from, to) {
  const s = info.symbols;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].address + s[mid].size <= from) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let k = lo; k < s.length && s[k].address < to; k++) out.push(s[k]);
  return out;
}

/** The symbols a module's code may refer to, with every symbol they point to. */
function referenced(info, code) {
  const seen = new Set();
  for (const value of constants(code)) {
    const named = info.byValue.get(value);
    if (named) {
      for (const s of named) seen.add(s);
      for (const s of overlapping(info, value, value + 1)) seen.add(s);
    } else {
      for (const s of overlapping(info, value - NEAR, value + NEAR + 1)) seen.add(s);
    }
  }
  const todo = [...seen];
  while (todo.length) {
    const s = todo.pop();
    for (const p of info.pointers) {
      if (p.address < s.address || p.address >= s.address + s.size || seen.has(p.symbol)) continue;
      seen.add(p.symbol);
      todo.push(p.symbol);
    }
  }
  return seen;
}

/** The wasm with its data section replaced by `segments` (added after the code if it has none). */
function withData(bytes, segments) {
  const body = [leb(segments.length)];
  for (const s of segments) {
    body.push(Buffer.from([0x00, 0x41]), sleb(s.address), Buffer.from([0x0b]), leb(s.bytes.length), Buffer.from(s.bytes));
  }
  const contents = Buffer.concat(body);
  const section = Buffer.concat([Buffer.from([SECTION.data]), leb(contents.length), contents]);
  const all = [...sections(bytes)];
  if (!all.some((s) => s.id === SECTION.code)) throw new Error('a wasm without code');
  const parts = [bytes.subarray(0, 8)];
  const hasData = all.some((s) => s.id === SECTION.data);
  for (const s of all) {
    if (s.id === SECTION.data) parts.push(section);
    else parts.push(bytes.subarray(s.start, s.end));
    if (s.id === SECTION.code && !hasData) parts.push(section);
  }
  return Buffer.concat(parts);
}

/** What moves (byte ranges, merged where they touch), or `{ skipped }` with the reason. */
function planMove({ first, rest, linked, withRelocs }) {
  if (!linked.length) return { skipped: 'no linked binary' };
  let info;
  try {
    info = linkInfo(withRelocs);
  } catch (error) {
    return { skipped: `no link info: ${error.message}` };
  }
  const code = (bytes) => {
    const s = [...sections(bytes)].find((x) => x.id === SECTION.code);
    if (!s) throw new Error('a binary without code');
    return bytes.subarray(s.body, s.end);
  };
  if (!code(linked).equals(code(withRelocs))) return { skipped: 'the link info is of another binary (the code differs)' };
  if (!sameImage(image(dataSegments(linked)), image(info.segments))) return { skipped: 'the link info is of another binary (the data differs)' };
  const firstSegments = dataSegments(first);
  const whole = image(firstSegments);
  if (!sameImage(whole, image(dataSegments(linked)))) return { skipped: "the start-up part's data is not the linked binary's" };
  if (dataSegments(rest).length) return { skipped: 'the rest has data already' };

  const keep = referenced(info, first);
  const wanted = referenced(info, rest);
  const moves = (s) => s.section === '.rodata' && wanted.has(s) && !keep.has(s);
  const moving = info.symbols.filter(moves);
  // The bytes to move: each moving symbol's, but none of a symbol that stays (merged strings may
  // share their bytes), as ranges merged where they touch.
  const staying = new Set();
  for (const s of info.symbols) if (!moves(s)) for (let a = s.address; a < s.address + s.size; a++) staying.add(a);
  const ranges = [];
  for (const s of moving) {
    for (let a = s.address; a < s.address + s.size; a++) {
      if (staying.has(a)) continue;
      const last = ranges.at(-1);
      if (last && last.end >= a) last.end = Math.max(last.end, a + 1);
      else ranges.push({ start: a, end: a + 1 });
    }
  }
  return { ranges, whole, firstSegments, moving, keep };
}

/**
 * Moves the read-only data only `rest` uses from `first` into it. `linked`: the binary as cargo linked
 * it (before wasm-bindgen); `withRelocs`: the same linked with `--emit-relocs`. Returns the two parts
 * and what moved, or `{ skipped }` with the reason (the parts unchanged).
 */
export function moveData({ first, rest, linked, withRelocs }) {
  let plan;
  try {
    plan = planMove({ first, rest, linked, withRelocs });
  } catch (error) {
    plan = { skipped: error.message };
  }
  if (plan.skipped) return { first, rest, skipped: plan.skipped };
  const { ranges, whole, firstSegments, moving, keep } = plan;
  const inRange = (address) => {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].end <= address) lo = mid + 1;
      else hi = mid;
    }
    return lo < ranges.length && ranges[lo].start <= address;
  };
  // The start-up part's segments with the moved bytes cut out; the rest's, the moved bytes.
  const kept = [];
  for (const s of firstSegments) {
    let from = 0;
    for (let i = 0; i <= s.bytes.length; i++) {
      if (i < s.bytes.length && !inRange(s.address + i)) continue;
      if (i > from) kept.push({ address: s.address + from, bytes: s.bytes.subarray(from, i) });
      from = i + 1;
    }
  }
  const byte = (address) => whole.get(address) || 0;
  const moved = ranges.map((r) => ({ address: r.start, bytes: Uint8Array.from({ length: r.end - r.start }, (_, i) => byte(r.start + i)) }));
  const out = { first: withData(first, kept), rest: withData(rest, moved) };
  // Both parts together write exactly what the start-up part wrote alone.
  const together = image([...dataSegments(out.first), ...dataSegments(out.rest)]);
  if (!sameImage(together, whole)) throw new Error('data split: the two parts do not write the memory the start-up part did');
  const bytesMoved = moved.reduce((sum, s) => sum + s.bytes.length, 0);
  return { ...out, moved: { symbols: moving.length, bytes: bytesMoved, kept: keep.size } };
}
