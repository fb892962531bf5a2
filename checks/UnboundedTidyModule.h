//===- UnboundedTidyModule.h - link anchor for the unbounded-* checks ----===//

#ifndef UNBOUNDED_TIDY_MODULE_H
#define UNBOUNDED_TIDY_MODULE_H

/// Defined next to the module registration. A front end that links the check
/// library statically reads it once, which keeps the registration linked in.
extern volatile int UnboundedTidyModuleAnchorSource;

namespace unbounded {
/// Call from a front end's main(); returns a value only to defeat dead-code
/// elimination.
inline int linkChecks() { return UnboundedTidyModuleAnchorSource; }
} // namespace unbounded

#endif
