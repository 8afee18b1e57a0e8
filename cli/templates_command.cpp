#include "templates_command.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "api/factline.hpp"
#include "core/utf8.hpp"

namespace factline::cli {

std::vector<std::string> TemplateArgs::search_path() const { return template_search_path(dirs); }

std::string TemplateArgs::problem() const {
  if (name.empty()) return {};
  const auto known = list_templates(search_path());
  if (std::any_of(known.begin(), known.end(), [&](const TemplateInfo& t) { return t.name == name; })) return {};
  std::error_code ec;
  if (std::filesystem::is_regular_file(name, ec)) return {};
  std::string names;
  for (const TemplateInfo& t : known) names += (names.empty() ? "" : ", ") + t.name;
  return "--template: no template or file named \"" + name + "\" (templates by name: " + names + ")";
}

void add_template_options(CLI::App& command, TemplateArgs& args) {
  command
      .add_option("--template", args.name,
                  "Look of the output: a template's name (see factline templates) or a template file; "
                  "overrides the fact file's template:")
      ->option_text("NAME|PATH");
  command
      .add_option("--template-dir", args.dirs,
                  "Folder of templates (repeatable): its templates are found by name, and template: and "
                  "extends: may lead into it")
      ->option_text("DIR")
      ->check(CLI::ExistingDirectory);
}

CLI::App* add_templates_command(CLI::App& app, TemplateArgs& args) {
  CLI::App* cmd = app.add_subcommand("templates", "List the templates by name (for --template and template:)");
  cmd->add_option("--template-dir", args.dirs, "Folder of templates to list too (repeatable)")
      ->option_text("DIR")
      ->check(CLI::ExistingDirectory);
  return cmd;
}

int run_templates(const TemplateArgs& args) {
  const auto all = list_templates(args.search_path());
  std::size_t width = 0;
  const auto label = [](const TemplateInfo& t) { return t.name + (t.name == default_template() ? " (default)" : ""); };
  for (const TemplateInfo& t : all) width = std::max(width, label(t).size());
  for (const TemplateInfo& t : all)
    std::cout << label(t) << std::string(width - label(t).size() + 2, ' ') << utf8::escape_for_terminal(t.description)
              << '\n';
  return all.empty() ? UsageOrIo : Ok;
}

}  // namespace factline::cli
