import type { LintReport } from '../types.js';

export interface SarifOptions {
  /** ctxkit's version, recorded as the tool version. */
  version: string;
  /** Base for rule help links (`https://…/docs/rules/`); without it rules carry no helpUri. */
  docsBaseUrl?: string;
}

const level = (severity: string) => (severity === 'error' ? 'error' : 'warning');

function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 (the format GitHub code scanning uploads): one run, every enabled rule described in
 * `tool.driver.rules` with its default level, and one result per finding located relative to
 * `%SRCROOT%` (the repository root).
 */
export function formatSarif(report: LintReport, options: SarifOptions): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ctxkit',
            version: options.version,
            semanticVersion: options.version,
            rules: report.rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              help: { text: `${rule.description} See ${rule.docs}.` },
              ...(options.docsBaseUrl ? { helpUri: `${options.docsBaseUrl}${rule.id}.md` } : {}),
              defaultConfiguration: { level: level(rule.severity) },
              properties: { tags: [...rule.tags] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root ctxkit lint ran in.' } } },
        results: report.files.flatMap((file) =>
          file.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: level(finding.severity),
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(finding.file), uriBaseId: '%SRCROOT%' },
                  region: { startLine: finding.line, startColumn: finding.column },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
