/** A three-source fixture corpus on Russia–China energy and arms ties, for composition tests. */
import { fixtureStore } from '../select/fixture-store.ts';
import { parseBriefing } from '../../src/spec/index.ts';
import type { BriefingSpec } from '../../src/model.ts';

export const store = fixtureStore(
  [
    {
      id: 'a', authors: ['Marcin Kaczmarski'], publisher: 'ISPI', date: '2022-05-04', title: 'Which relationship?',
      paragraphs: [
        [
          { text: 'Russia supplied more than 70% of China’s arms imports between 2017 and 2021.', kind: 'statistic', topics: ['arms trade'], figures: [{ text: '70%', value: 70, unit: '%', measure: 'of China’s arms imports' }] },
          { text: 'Pipeline gas deliveries through Power of Siberia reached 15 bcm in 2022, according to Gazprom.', kind: 'statistic', topics: ['energy'], figures: [{ text: '15 bcm', value: 15, unit: 'bcm', year: 2022 }] },
          { text: 'Moscow will probably become more dependent on Beijing as a buyer of its oil and gas.', kind: 'forecast', topics: ['energy'], likelihood: 'probable' },
        ],
        [
          { text: 'However, the partnership remains asymmetric, with China holding most of the leverage in energy pricing.', kind: 'assessment', topics: ['energy'] },
          { text: 'In 1996, a strategic partnership was formed between Russia and China.', kind: 'fact', topics: ['history'] },
        ],
      ],
      quotes: [],
    },
    {
      id: 'b', authors: ['Omar Adan'], publisher: 'Global Courant', date: '2023-05-22', title: 'How Russia could rethink its alliance',
      paragraphs: [
        [
          { text: 'A change of leadership in Moscow is likely to complicate Russian-Chinese cooperation on energy and arms.', kind: 'forecast', topics: ['leadership'], likelihood: 'probable' },
          { text: 'If Putin ceased to play a leading role, internal struggles for resources would follow.', kind: 'forecast', topics: ['leadership'] },
          { text: 'Energy exports to China grew sharply after the 2014 sanctions on Russia.', kind: 'fact', topics: ['energy'] },
        ],
        [
          { text: 'Russia sold China advanced S-400 air defence systems in 2018.', kind: 'fact', topics: ['arms trade'], figures: [{ text: '2018', value: 2018, unit: 'year', year: 2018 }] },
        ],
      ],
    },
    {
      id: 'c', authors: [], publisher: 'China Review', date: '2023-06-02', title: 'Clay alliance',
      paragraphs: [
        [
          { text: 'Henry Kissinger has expressed doubts about the reliability of the Russo-Chinese alliance.', kind: 'attributed', topics: ['alliance'] },
          { text: 'Energy exports to China grew sharply after the 2014 sanctions on Russia.', kind: 'fact', topics: ['energy'] },
          { text: 'Putin said: “we are not going to contest China on this.”', kind: 'attributed', topics: ['alliance'] },
        ],
      ],
      quotes: [{ text: 'we are not going to contest China on this.', speaker: 'Vladimir Putin', paragraph: 1 }],
    },
  ],
  { energy: ['gas', 'oil', 'pipeline'], 'arms trade': ['arms', 'weapons', 'S-400'] },
);

export function spec(source: string, file = '/proj/briefings/test.md'): BriefingSpec {
  const { spec, diagnostics } = parseBriefing(file, source, { root: '/proj', themes: [] });
  if (!spec) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return spec;
}
