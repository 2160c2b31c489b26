// Front matter checked against the JSON Schemas generated from the content models
// (python -m utveckla schemas). Used by the VS Code extension unifiedjs.vscode-remark while an
// editor types, and by the test suite (tests/test_redaktor_schemas.py) on all content.
// Only the front matter is checked here: `make check` remains the full check.
import remarkFrontmatter from "remark-frontmatter";
import remarkLintFrontmatterSchema from "remark-lint-frontmatter-schema";

const collections = ["stod", "aktorer", "kommuner", "evenemang", "investeringar", "aktuellt", "resultat"];

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: Object.fromEntries(
          collections.map((name) => [`./schemas/${name}.schema.json`, [`./content/${name}/*.md`]]),
        ),
      },
    ],
  ],
};
