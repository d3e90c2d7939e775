/** Versions of a report: comparing them, carrying marks between them, and what became of the marks. */
export { compareVersions, type DiffOf, type DiffRow, type VersionComparison } from './compare';
export { carryMarks, emptyCounts, markOutcome, sourceVersion, type CarriedMark, type CarryDeps, type CarrySummary } from './carry';
export { orphansOf, type OrphanDeps, type OrphanMark } from './orphans';
export { amendmentAdoption, type AdoptionDeps, type AdoptionRow } from './adoption';
export { versionHistory, type VersionEvent, type VersionEventMark } from './history';
export { markCounter, marksPerVersion, type MarkTally, type VersionMarks } from './marks';
export { reattachMark } from './reattach';
export { joinExact, type DescribeDraft, type PairView, type VersionBlocks, type VersionPairs } from './views';
export { setRepair, type RepairChange, type RepairDeps } from './repairs';
