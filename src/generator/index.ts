export { compileTemplates, classifyTemplate, assembleOutput, type TemplateKind } from './compile-templates.js';
export type { CompileInput, CompileResult, CompiledOutput, Diagnostic, GeneratorBudgets, OutputKind, TemplateFile } from './compile-types.js';
export { checkGenerated, type GeneratedFileCheck } from './check-generated.js';
export { planChanges, type FileStatus, type PlannedChange, type ChangeAction } from './plan-changes.js';
export { planGenerate, applyPlan, resolveGenerateSettings, type GenerateSettings, type GeneratePlan } from './run-generate.js';
export { formatGeneratedHeader, parseGeneratedHeader, isHandEdited, stripGeneratedHeader } from './generated-header.js';
