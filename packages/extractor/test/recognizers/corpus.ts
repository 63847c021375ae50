import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The dev corpus shared with the evaluation: ../shared/corpus/dev next to the repository. */
export const DEV_CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/dev/', import.meta.url));

export interface GoldDirective {
  ref: string;
  date: string | null;
  title: string | null;
}
export interface DevArticle {
  name: string;
  text: string;
  gold: {
    publishedAt: string | null;
    events: {
      date: string | null;
      dateBasis: string | null;
      directives: GoldDirective[];
      metrics: { value: number; unit: string }[];
    }[];
  };
}

/** Reads every dev article with its gold; fails, naming the path, when the corpus is not there. */
export function devArticles(): DevArticle[] {
  let names: string[];
  try {
    names = readdirSync(`${DEV_CORPUS}text`).filter((f) => f.endsWith('.txt'));
  } catch (err) {
    throw new Error(
      `dev corpus not found at ${DEV_CORPUS}: these tests need ../shared/corpus/dev beside the repository (${String(err)})`,
    );
  }
  if (names.length === 0) throw new Error(`dev corpus at ${DEV_CORPUS}text holds no .txt article`);
  return names.sort().map((f) => {
    const name = f.replace(/\.txt$/u, '');
    return {
      name,
      text: readFileSync(`${DEV_CORPUS}text/${f}`, 'utf8'),
      gold: JSON.parse(readFileSync(`${DEV_CORPUS}gold/${name}.json`, 'utf8')),
    };
  });
}
