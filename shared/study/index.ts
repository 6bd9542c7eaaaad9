// Public API of study files (see study.ts for the hash policy, migrations.ts for versioning).
export { createStudy, defaultStudyTitle, parseStudy, serializeStudy, studyToAnalyzeInput, STUDY_FORMAT, STUDY_SCHEMA_VERSION } from './study'
export type { CreateStudyOptions, ParseStudyOptions } from './study'
export { migrateStudy, MIGRATIONS } from './migrations'
export type { Migration, MigrationOptions, RawStudy } from './migrations'
