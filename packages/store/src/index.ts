export { Store } from './store.js';
export type {
  ImageRecord,
  ImportOptions,
  ImportResult,
  RemoteRecord,
  TreeRecord,
  VerifyResult,
} from './types.js';
