/** Small policy texts in the shapes of the corpus, for import tests. */
export const FIXTURE_A = `国务院关于开展督办导入测试工作的通知

国发〔2099〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

为检验政策措施导入功能，现就有关事项通知如下。

一、完善工作机制

（一）建立测试工作台账。各地区各部门要建立台账，逐项明确责任，2099年底前完成。（国家发展改革委、商务部负责）

（二）加强资金保障。统筹安排测试所需经费，加强绩效评价。（财政部牵头，商务部、国家数字档案局参与）

二、强化监督检查

（三）开展专项督查。定期通报进展情况，2099年6月底前完成。（审计署负责）

国务院
2099年1月5日
`;

/** FIXTURE_A with the text of measure （二） changed (a revised edition of the same document). */
export const FIXTURE_A_REVISED = FIXTURE_A.replace(
  '统筹安排测试所需经费，加强绩效评价。',
  '统筹安排测试所需经费，全面实施绩效评价。',
);

/** The name in FIXTURE_A that the department registry does not know. */
export const UNKNOWN_DEPARTMENT = '国家数字档案局';

/** A second, unrelated document naming only known departments. */
export const FIXTURE_B = `国务院办公厅关于加强督办台账管理的意见

国办发〔2099〕3号

一、主要任务

（一）统一台账格式。2099年3月底前印发统一格式。（国务院办公厅负责）

（二）推动数据共享。建立跨部门共享机制。（工业和信息化部牵头，公安部参与）

国务院办公厅
2099年2月1日
`;

/**
 * FIXTURE_A's document as a copy without any responsibility annotation, duty sentence or deadline: no measures
 * (a sentence such as 各地区各部门要… alone would be read as a prose duty).
 */
export const FIXTURE_A_BARE = FIXTURE_A.replace(/（[^（）]*(?:负责|参与)）/g, '')
  .replace('各地区各部门要建立台账', '建立台账')
  .replace('，2099年底前完成', '')
  .replace('，2099年6月底前完成', '');
