import { defineEntity, p } from '@mikro-orm/postgresql';

const CategorySchema = defineEntity({
  name: 'Category',
  tableName: 'category',
  properties: {
    id: p.uuid().primary(),
    handle: p.text().unique(),
    title: p.text(),
    description: p.text(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class Category extends CategorySchema.class {}
CategorySchema.setClass(Category);
