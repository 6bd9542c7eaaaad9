// The engine's data model: types only, no runtime code (import with `import type`).
export type * from './article'
export type * from './align'
export type * from './diff'
export type * from './language'
export type * from './analysis'
export type * from './study'
