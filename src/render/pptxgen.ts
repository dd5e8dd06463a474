/**
 * pptxgenjs ships CommonJS-style typings (`export default` without `"type": "module"`), which
 * NodeNext resolution reads as a namespace. This shim gives the constructor and its types one
 * correct name for the rest of the renderer.
 */
import * as pptxModule from 'pptxgenjs';
import type Pptx from 'pptxgenjs';

type PptxClass = typeof Pptx.default;
export type Presentation = InstanceType<PptxClass>;
export type TextProps = Pptx.default.TextProps;
export type TextPropsOptions = Pptx.default.TextPropsOptions;
export type SlideMasterProps = Pptx.default.SlideMasterProps;

const loaded = pptxModule as unknown as { default: PptxClass | { default: PptxClass } };
export const PptxGenJS: PptxClass = 'default' in loaded.default ? loaded.default.default : (loaded.default as PptxClass);
