#pragma once
// `factline templates` and the template options every command that reads fact files shares:
// --template and --template-dir.
#include <string>
#include <vector>

#include "exit_code.hpp"

namespace CLI {
class App;
}

namespace factline::cli {

struct TemplateArgs {
  std::string name;               // --template; empty: each fact file's template:
  std::vector<std::string> dirs;  // --template-dir, in order

  // The template folders to give the library: the built-in one, --template-dir's,
  // FACTLINE_TEMPLATE_PATH's (factline::template_search_path).
  std::vector<std::string> search_path() const;
  // Why --template cannot be used (a usage error), or empty: it must name a template in the
  // folders or a file.
  std::string problem() const;
};

// Adds --template NAME|PATH and --template-dir DIR (repeatable; the folder must exist).
void add_template_options(CLI::App& command, TemplateArgs& args);

// Adds the templates subcommand: it lists the templates by name (the built-in ones and those in
// --template-dir and FACTLINE_TEMPLATE_PATH folders) with their descriptions.
CLI::App* add_templates_command(CLI::App& app, TemplateArgs& args);
int run_templates(const TemplateArgs& args);

}  // namespace factline::cli
