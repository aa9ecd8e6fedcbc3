/** Keys under the `ctxkit:` frontmatter key: instructions to the generator, never written to the output. */
export const GENERATOR_DIRECTIVES = ['allowShell'] as const;
