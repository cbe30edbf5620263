export { Store } from './store.js';
export {
  DEPENDENCY_CYCLE,
  IMAGE_AMBIGUOUS,
  IMAGE_ID_INVALID,
  IMAGE_ID_MISMATCH,
  IMAGE_NAME_INVALID,
  IMAGE_NOT_FOUND,
  STORE_CORRUPT,
  STORE_IO,
} from './errors.js';
export { parseImageArg, type ImageRef } from './image-arg.js';
export type {
  ImageRecord,
  ImportOptions,
  ImportResult,
  RemoteRecord,
  TreeRecord,
  VerifyResult,
} from './types.js';
