import { extractText } from './libs/domain/src/extractor/extract';
const r = extractText(`广东省人民政府关于印发广东省降成本行动方案的通知\n粤府〔2021〕3号\n各地级以上市人民政府，省政府各部门、各直属机构：\n一、降低企业用电成本。（省发展改革委、省能源局按职责分工负责，各地级以上市政府落实）\n二、降低物流成本。（省交通运输厅牵头，各区、县级市配合）\n三、降低融资成本。（省地方金融监管局、人民银行广州分行等有关单位按职责分工负责）\n`, 'x');
for (const d of r.documents) { console.log(d.title, d.measures.length); for (const m of d.measures) console.log(m.lead, m.participants, m.joint); }
const r2 = extractText('各市、县人民政府，省政府各部门：\n现将有关事项通知如下：\n一、加快项目建设。（省发展改革委负责）\n二、强化资金保障。（省财政厅负责）\n浙江省人民政府办公厅\n2021年3月1日\n', 'y');
console.log(JSON.stringify(r2.documents.map(d=>[d.title,d.startLine,d.measures.length])));
