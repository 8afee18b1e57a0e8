#pragma once
// `factline templates` and the --template option of render and check.
#include <string>

#include "exit_code.hpp"

namespace CLI {
class App;
}

namespace factline::cli {

// Adds --template NAME|PATH to a command; a name that is no built-in template and no file is
// a usage error.
void add_template_option(CLI::App& command, std::string& name);

// Adds the templates subcommand: it lists the built-in templates and their descriptions.
CLI::App* add_templates_command(CLI::App& app);
int run_templates();

}  // namespace factline::cli
