// Remark plugin for the chapters: every top-level run of nodes that is not an <Exercise> (and
// not an import or export) is wrapped in <ChapterOnly>. A chapter page passes a ChapterOnly
// that renders its content as is; the teacher's page passes one that renders nothing, and so
// shows each chapter's exercises through the same component, with the same facts, math and
// hints, and no widget. An <Exercise> nested inside anything else fails the build, since the
// teacher's page could not collect it.

import type { Root, RootContent } from 'mdast';

type Node = RootContent | { type: string; name?: string | null; children?: Node[] };

const isExercise = (n: Node) => n.type === 'mdxJsxFlowElement' && 'name' in n && n.name === 'Exercise';
const isEsm = (n: Node) => n.type === 'mdxjsEsm';

function nestedExercise(n: Node): boolean {
  return 'children' in n && Array.isArray(n.children) && n.children.some((c: Node) => isExercise(c) || nestedExercise(c));
}

export function remarkChapterOnly() {
  return (tree: Root): void => {
    if (!tree.children.some(isExercise)) return; // only pages with exercises take part
    const out: RootContent[] = [];
    let run: RootContent[] = [];
    const flush = () => {
      if (run.length === 0) return;
      out.push({ type: 'mdxJsxFlowElement', name: 'ChapterOnly', attributes: [], children: run } as unknown as RootContent);
      run = [];
    };
    for (const node of tree.children) {
      if (isExercise(node) || isEsm(node)) {
        flush();
        out.push(node);
      } else {
        if (nestedExercise(node)) throw new Error('an <Exercise> must stand at the top level of a chapter (not inside another element), so the teacher\'s page can collect it');
        run.push(node);
      }
    }
    flush();
    tree.children = out;
  };
}
