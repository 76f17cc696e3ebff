// The hashes the build steps write: a file's `integrity` value and the hash in a file's name.
import crypto from 'node:crypto';

/** The Subresource Integrity value of `bytes` (`sha384-…`), as the pages' tags carry it. */
export const sha384 = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

/** The 16 hex digits a file's name carries after its contents (`anxin-0123456789abcdef_bg.wasm`). */
export const hash16 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
