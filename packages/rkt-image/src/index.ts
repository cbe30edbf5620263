export { catManifest } from './cat-manifest.js';
export { parseCommandLine, subcommandOf, SUBCOMMANDS } from './command-line.js';
export type { ImageCommand, ListCommand } from './command-line.js';
export { runImageCommand } from './commands.js';
export type { CommandIo, RunnableCommand } from './commands.js';
export { copyTree } from './copy-tree.js';
export { parseGoDuration } from './duration.js';
export { exportImage } from './export.js';
export type { ExportOptions, ExportResult } from './export.js';
export { extractImage } from './extract.js';
export type { ExtractOptions, ExtractResult } from './extract.js';
export { gcStore } from './gc.js';
export type { GcOptions, GcPodHooks, GcReport } from './gc.js';
export { indentJson } from './indent-json.js';
export { displayName, formatImageJson, formatImageTable, shortId } from './list-format.js';
export type { TableOptions } from './list-format.js';
export {
  IMAGE_FIELDS,
  listImages,
  parseOptionList,
  parseOrder,
  SORT_FIELDS,
  sortImages,
  totalSize,
} from './list.js';
export type { ImageField, SortField, SortOptions } from './list.js';
export { discardOutputDir, prepareOutputDir } from './output-dir.js';
export type { OutputDir } from './output-dir.js';
export { renderImageTo } from './render.js';
export type { RenderOptions, RenderResult } from './render.js';
export { resolveImage } from './resolve.js';
export { removeImages, removeRecords } from './rm.js';
export type { RemovalFailure, RemovalResult, RemoveReport } from './rm.js';
export { verifyImage, verifyMessage } from './verify.js';
export type { VerifyOutcome } from './verify.js';
