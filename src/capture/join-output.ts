/** A command's whole output as one text: stdout, then stderr on the next line (what summaries and reducers read). */
export function joinOutput(output: { text: string; stderr?: string }): string {
  return output.stderr ? `${output.text.replace(/\n+$/, '')}\n${output.stderr}` : output.text;
}
