export * from './schema/index.js';
export * from './aci/index.js';
