#include "link.h"

namespace loclint::checks::link {

const Rule kRedirected{
    .id = "link/redirected",
    .severity = Severity::Note,
    .summary = "a link to a page that was moved and is redirected",
    .checks = "The target does not exist and is listed in `.openpublishing.redirection.json`."
              " In a monolingual translation whose source article cannot be read (no `--source-root`, or that tree "
              "lacks the article) such links are counted in one note, not reported: a translation copies its links "
              "from its source as written (README: Inherited findings).",
    .why = "Readers are sent on to the page's new address, at the cost of a redirect (and of the fragment, which "
           "redirects lose). Point the link at the new address.",
    .fires = {.text = "[Ajouter un client](add-a-new-customer.md)\n",
              .files = {{".openpublishing.publish.config.json", "{}\n"},
                        {".openpublishing.redirection.json",
                         "{\"redirections\": [{\"source_path\": \"add-a-new-customer.md\", "
                         "\"redirect_url\": \"/partner-center/customers/add-a-new-customer\"}]}\n"}}},
    .passes = {.text = "[Ajouter un client](customers/add-a-new-customer.md)\n",
               .files = {{".openpublishing.publish.config.json", "{}\n"},
                         {".openpublishing.redirection.json",
                          "{\"redirections\": [{\"source_path\": \"add-a-new-customer.md\", "
                          "\"redirect_url\": \"/partner-center/customers/add-a-new-customer\"}]}\n"},
                         {"customers/add-a-new-customer.md", "# Ajouter un client\n"}}},
};

const SummaryNote kUnattributedRedirect{&kRedirected, "link to a moved page not reported",
                                        "links to moved pages not reported", kUnattributedAdvice};

bool report_redirect(LinkChecker& checker, const ResolvedLink& link) {
  const fs::path& path = link.target.path;
  std::vector<fs::path> keys = {path};
  if (!has_extension(path)) keys.push_back(fs::path(path.string() + ".md"));
  for (const fs::path& k : keys)
    if (const Redirection* red = checker.env().workspace.redirection(checker.repo(), k)) {
      checker.report_as_written(
          link,
          Diagnostic::of(kRedirected, link.at,
                         fmt::format("'{}' was moved: it redirects to '{}'", link.shown, excerpt(red->redirect_url, 80))),
          kUnattributedRedirect);
      return true;
    }
  return false;
}

}  // namespace loclint::checks::link
