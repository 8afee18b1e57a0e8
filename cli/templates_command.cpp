#include "templates_command.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "api/factline.hpp"

namespace factline::cli {
namespace {

std::string builtin_names() {
  std::string out;
  for (const TemplateInfo& t : list_templates()) out += (out.empty() ? "" : ", ") + t.name;
  return out;
}

}  // namespace

void add_template_option(CLI::App& command, std::string& name) {
  command
      .add_option("--template", name,
                  "Look of the output: a built-in template (see factline templates) or a template file; "
                  "overrides the fact file's template:")
      ->option_text("NAME|PATH")
      ->check(
          [](const std::string& v) -> std::string {
            const auto builtins = list_templates();
            if (std::any_of(builtins.begin(), builtins.end(), [&](const TemplateInfo& t) { return t.name == v; }))
              return {};
            std::error_code ec;
            if (std::filesystem::is_regular_file(v, ec)) return {};
            return "no built-in template or file named \"" + v + "\" (built-in: " + builtin_names() + ")";
          },
          "TEMPLATE");
}

CLI::App* add_templates_command(CLI::App& app) {
  return app.add_subcommand("templates", "List the built-in templates (for --template and template:)");
}

int run_templates() {
  const auto all = list_templates();
  std::size_t width = 0;
  const auto label = [](const TemplateInfo& t) { return t.name + (t.name == default_template() ? " (default)" : ""); };
  for (const TemplateInfo& t : all) width = std::max(width, label(t).size());
  for (const TemplateInfo& t : all)
    std::cout << label(t) << std::string(width - label(t).size() + 2, ' ') << t.description << '\n';
  return all.empty() ? UsageOrIo : Ok;
}

}  // namespace factline::cli
