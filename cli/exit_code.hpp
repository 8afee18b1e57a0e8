#pragma once

namespace factline::cli {
// docs/cli.md, "Exit status".
enum ExitCode { Ok = 0, InvalidInput = 1, UsageOrIo = 2 };
}  // namespace factline::cli
