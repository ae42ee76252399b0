/**
 * GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::message`): in a workflow log each
 * becomes an annotation on the file and line, without uploading anything.
 */

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(
  level: 'error' | 'warning' | 'notice',
  message: string,
  where: { file?: string | undefined; line?: number | null; column?: number | null; title?: string },
): string {
  const properties = [
    where.file === undefined ? undefined : `file=${escapeProperty(where.file)}`,
    where.line === null || where.line === undefined ? undefined : `line=${where.line}`,
    where.column === null || where.column === undefined ? undefined : `col=${where.column}`,
    where.title === undefined ? undefined : `title=${escapeProperty(where.title)}`,
  ].filter((property) => property !== undefined);
  return `::${level}${properties.length > 0 ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
}
