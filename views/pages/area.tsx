import { TableWrap } from '../components/table-wrap';

interface AreaView {
  id: string;
  title: string;
  summary: string;
  descriptionHtml: string;
  topics: { id: string; title: string; docsUrl: string }[];
}

/** How many active questions a topic has at one difficulty. */
export interface TopicCount {
  topic: string;
  difficulty: number;
  count: number;
}

const levels = [1, 2, 3, 4, 5] as const;
const levelNames = ['Basic', 'Junior', 'Mid-level', 'Senior', 'Expert'];

/** A public page about one skill area: topics, counts, difficulty spread. Nothing from the keys. */
export function AreaPage({ area, spread }: { area: AreaView; spread: TopicCount[] }) {
  const total = spread.reduce((sum, row) => sum + row.count, 0);
  const byLevel = levels.map((level) =>
    spread.filter((row) => row.difficulty === level).reduce((sum, row) => sum + row.count, 0),
  );
  const byTopic = (topic: string) => spread.filter((row) => row.topic === topic).reduce((s, r) => s + r.count, 0);
  const max = Math.max(1, ...byLevel);
  return (
    <>
      <section class="panel">
        <h1>{area.title}</h1>
        <p class="lead">{area.summary}</p>
        <p>
          {total} questions in {area.topics.length} topics.{' '}
          <a class="button small" href={`/practice/${area.id}`}>
            Start a practice test
          </a>
        </p>
      </section>
      <section class="panel" aria-labelledby="spread-title">
        <h2 id="spread-title">Difficulty spread</h2>
        <figure>
          <svg class="chart" viewBox="0 0 500 180" role="img" aria-labelledby="spread-desc">
            <title id="spread-desc">
              {levels.map((_, i) => `${levelNames[i]}: ${byLevel[i]} questions`).join('; ')}
            </title>
            {levels.map((level, i) => {
              const h = Math.round(((byLevel[i] ?? 0) / max) * 120);
              return (
                <g>
                  <rect class="bar" x={20 + i * 95} y={140 - h} width="70" height={h} rx="3" />
                  <text x={55 + i * 95} y={134 - h} text-anchor="middle" class="bar-value">
                    {byLevel[i]}
                  </text>
                  <text x={55 + i * 95} y={162} text-anchor="middle" class="axis-label">
                    {level} · {levelNames[i]}
                  </text>
                </g>
              );
            })}
          </svg>
        </figure>
      </section>
      <section class="panel" aria-labelledby="topics-title">
        <h2 id="topics-title">Topics</h2>
        <TableWrap labelledBy="topics-title">
          <table>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col" class="num">
                  Questions
                </th>
                <th scope="col">Reference</th>
              </tr>
            </thead>
            <tbody>
              {area.topics.map((topic) => (
                <tr>
                  <td>{topic.title}</td>
                  <td class="num">{byTopic(topic.id)}</td>
                  <td>
                    <a href={topic.docsUrl} rel="noopener noreferrer">
                      Official documentation
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  );
}
