// The schema and image-ID helpers: light enough for every command's start-up. The archive reader and
// writer (tar, compression, hashing) are in '@rkt/appc/aci', loaded only by code that touches archives.
export * from './schema/index.js';
export { IMAGE_ID_PREFIX, imageIdFromDigest, toShortHash, toStoreKey } from './aci/image-id.js';
export type { Compression } from './aci/compression.js';
export type { AciEntry, AciEntryType } from './aci/entry.js';
export type { AciSummary, ReadAciOptions } from './aci/reader.js';
export type { AciSource, WriteAciOptions, WrittenAci } from './aci/writer.js';
export type { TreeEntry } from './aci/walk.js';
