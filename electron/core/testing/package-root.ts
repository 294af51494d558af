import { findPackageRoot } from '../package-root';

/**
 * The repository root (migrations/, demo data), for tests, fixtures and benchmarks that read its
 * files: the nearest folder above this module with a package.json (works from source and from dist/).
 */
export const packageRootForTests = findPackageRoot(import.meta.dirname) ?? import.meta.dirname;
