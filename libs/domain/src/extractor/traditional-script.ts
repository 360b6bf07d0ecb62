/**
 * Traditional-script copies. Mirror sites repost local government pages converted to traditional characters
 * (`會議要求,各鎮街、各部門要…`, `局機關各科室要…`, `第三條 在省委領導下,…負責`); every reader of the extractor
 * matches simplified wording (会议, 部门, 机关, 负责, 领导), so such a copy gives no measure at all. A text written
 * mostly in traditional characters is read through a one-to-one character map to simplified script (same length,
 * so every offset and line stays where it was), and the strings of its measures are then given back as written:
 * names, text and titles come out in the copy's own characters, as the labels and the reader see them.
 */

import type { ExtractedFile } from './types';

/**
 * Traditional → simplified pairs, one character each (no many-to-one word conversions). Only characters that a
 * simplified text does not use are keys: 乾, 著, 瞭, 後 in names … are left out where the simplified script keeps
 * them too, so a simplified document never counts as traditional.
 */
const PAIRS =
  '並并個个們们來来價价億亿儲储備备傳传內内冊册則则剛刚劃划創创勵励務务動动勞劳勢势匯汇區区協协單单卻却厲厉參参' +
  '叢丛變变號号員员問问啟启啓启嚴严圍围國国園园圓圆圖图團团執执堅坚報报場场塊块壓压壞坏壯壮夠够夢梦奮奋婦妇學学' +
  '孫孙實实審审寧宁寫写將将專专對对導导屆届層层屬属島岛峽峡崗岗幣币幫帮廣广廠厂廢废廳厅張张強强彈弹徑径從从徹彻' +
  '態态應应懷怀戰战戶户擇择擊击擔担據据擴扩攬揽攜携擺摆計计訂订討讨訓训記记許许設设訪访證证評评詞词試试話话該该' +
  '詳详誠诚認认誤误說说請请諸诸調调談谈論论謀谋講讲謝谢識识譜谱議议護护讀读讓让課课誰谁諾诺謹谨譯译讚赞詢询診诊' +
  '訴诉諮咨謂谓誌志訊讯託托誇夸謊谎貝贝負负貢贡財财責责貧贫貨货販贩貫贯貴贵貸贷費费貿贸賀贺資资賓宾賞赏賠赔賢贤' +
  '賣卖質质賬账購购賽赛贈赠贊赞贏赢賦赋賴赖針针銀银銅铜銷销鋼钢錄录錢钱錯错鍵键鎮镇鏈链鐵铁鑑鉴鑒鉴鋪铺鎖锁銘铭' +
  '鑄铸鐘钟鍾钟錦锦鍛锻鏡镜門门閃闪閉闭開开閒闲間间閣阁閱阅關关闡阐闊阔閩闽闖闯糾纠紀纪約约紅红級级納纳紙纸紛纷' +
  '細细組组終终結结給给絡络絕绝統统絲丝經经綜综綠绿網网維维綱纲緊紧緒绪線线綫线編编緩缓練练縣县縮缩總总績绩織织' +
  '繞绕繫系繼继續续縱纵紐纽緝缉繳缴紡纺紋纹綁绑縫缝飯饭飲饮養养館馆饋馈餘余飢饥餅饼馬马駐驻驗验騙骗驅驱駕驾騰腾' +
  '騎骑驚惊車车軌轨軍军軟软載载較较輔辅輕轻輛辆輸输轄辖轉转輪轮輯辑輩辈頁页頂顶項项順顺須须預预領领頻频題题額额' +
  '顏颜類类顧顾顯显頭头願愿頒颁頓顿頌颂風风飛飞魚鱼鮮鲜鳥鸟雞鸡與与為为爲为於于這这還还進进運运過过達达遷迁選选' +
  '遺遗遠远適适邊边遞递連连遲迟違违遙遥遊游遜逊農农鄉乡鄰邻鄭郑鄧邓郵邮醫医釋释裡里裏里長长陽阳陰阴陳陈陸陆隊队' +
  '階阶際际隨随險险隱隐陣阵陝陕雙双雜杂雖虽離离難难電电霧雾靈灵韓韩響响體体髮发鬥斗黨党齊齐龍龙點点黃黄產产畫画' +
  '當当發发盡尽監监盤盘眾众衆众礎础禮礼稅税種种稱称穩稳積积窮穷競竞筆笔節节範范築筑簡简籌筹簽签糧粮聖圣聞闻聯联' +
  '聲声聽听職职肅肃脫脱腦脑臟脏臨临興兴舉举舊旧艱艰藝艺蘇苏萬万葉叶蓋盖薦荐藥药蘭兰處处虛虚補补裝装製制複复襲袭' +
  '見见規规視视覺觉親亲觀观觸触覽览樂乐樣样樹树橋桥機机檢检檔档權权歡欢歲岁歷历曆历歸归殘残殺杀氣气決决沒没況况' +
  '減减測测湯汤準准溝沟滅灭滾滚滿满漁渔漢汉潔洁潛潜澤泽濕湿濟济濱滨灣湾災灾無无煙烟熱热燈灯營营爭争牆墙牽牵獄狱' +
  '獎奖獨独獲获獻献環环現现畝亩異异療疗確确礦矿禍祸術术衛卫衝冲趕赶趨趋跡迹蹟迹踐践蹤踪躍跃辦办辭辞邁迈優优會会' +
  '傷伤僅仅償偿儀仪兒儿兩两劇剧勁劲勝胜廚厨喪丧嗎吗壇坛墾垦壽寿奪夺奧奥寶宝寬宽尋寻屢屡嶺岭幹干幾几庫库廈厦廟庙' +
  '彙汇徵征恆恒惡恶愛爱慣惯慮虑慶庆憂忧憑凭憲宪懇恳懲惩懸悬戲戏擁拥擬拟擾扰攝摄敗败敘叙敵敌數数斂敛斷断時时晉晋' +
  '暢畅暫暂書书條条東东棄弃棟栋極极榮荣構构槍枪標标樓楼歐欧殼壳毀毁濫滥灘滩爛烂犧牺猶犹畢毕疊叠盜盗礙碍祕秘禪禅' +
  '穀谷窩窝紮扎罰罚罷罢羅罗習习聳耸膽胆膚肤艦舰莊庄蘆芦褲裤覓觅豎竖貞贞賊贼賤贱趙赵轎轿辯辩迴回陸陆隸隶韋韦韌韧' +
  '飄飘鬆松魯鲁鳳凤麗丽齒齿齡龄麼么麥麦臺台檯台颱台佈布佔占併并裏里鞏巩曉晓鵑鹃績绩證证繕缮纖纤贓赃貪贪賑赈' +
  '僱雇傭佣億亿儘尽劑剂勸劝匯汇厲厉嚇吓噸吨團团壩坝奮奋嬰婴屍尸嶼屿廬庐彎弯憤愤懶懒攤摊攔拦擋挡撥拨撫抚敵敌' +
  '殯殡氫氢淚泪瀝沥熾炽燒烧瓊琼癥症皚皑盞盏睏困瞞瞒矚瞩碼码礎础禦御稈秆穌稣窯窑簍篓糰团紳绅綸纶緯纬縛缚纏缠' +
  '罈坛羥羟翹翘聰聪膠胶艙舱蔣蒋蕭萧蝕蚀衊蔑訟讼詐诈詠咏誦诵諒谅謎谜譽誉豐丰豬猪貓猫賜赐蹺跷躉趸軸轴轟轰辮辫' +
  '釀酿釘钉鈔钞鈴铃鉛铅鉤钩銳锐鋒锋錶表鍋锅鏽锈鑰钥閘闸闆板隴陇雛雏靂雳頗颇顆颗颯飒餵喂騷骚驟骤鬧闹鴨鸭鶴鹤黴霉' +
  '後后業业係系華华師师詩诗貼贴銜衔買买駛驶藍蓝邏逻粵粤滬沪贛赣遼辽瀋沈烏乌嶽岳週周採采僑侨麵面隻只';

const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const from = PAIRS[i];
  if (!TO_SIMPLIFIED.has(from)) TO_SIMPLIFIED.set(from, PAIRS[i + 1]);
}

/**
 * Characters that open almost every traditional copy of a government page: a text holding none of them is not
 * scanned further (the whole corpus passes here on every extraction).
 */
// Four only: each absent one costs a scan of the whole text (a 2 MB compilation holds none of them).
const SENTINELS = ['會', '發', '關', '為'];

/** A copy is read as traditional from this many mapped characters, when they are at least this share of its hanzi. */
const MIN_TRADITIONAL = 20;
const MIN_SHARE = 0.04;

/** The text mapped to simplified script when it is written mostly in traditional characters, else null. */
export function simplifiedCopy(text: string): string | null {
  if (!SENTINELS.some((c) => text.includes(c))) return null;
  let hanzi = 0;
  let traditional = 0;
  for (const ch of text) {
    if (ch >= '\u4e00' && ch <= '\u9fff') {
      hanzi++;
      if (TO_SIMPLIFIED.has(ch)) traditional++;
    }
  }
  if (traditional < MIN_TRADITIONAL || traditional < hanzi * MIN_SHARE) return null;
  let out = '';
  for (const ch of text) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/**
 * Gives strings read from the simplified copy back in the copy's own characters: a string found in the simplified
 * text takes the characters at the same place of the original (the map keeps every offset); any other string (a
 * name with its brackets made full-width) is restored character by character where the copy wrote that
 * simplified character only as the traditional one.
 */
export function restorer(original: string, simplified: string): (s: string) => string {
  const back = new Map<string, string>();
  const native = new Set<string>();
  for (let i = 0; i < original.length; i++) {
    const o = original[i];
    const s = simplified[i];
    if (o === s) native.add(s);
    else if (!back.has(s)) back.set(s, o);
  }
  const cache = new Map<string, string>();
  return (s) => {
    if (s === '') return s;
    const known = cache.get(s);
    if (known !== undefined) return known;
    const at = simplified.indexOf(s);
    let out: string;
    if (at >= 0) out = original.slice(at, at + s.length);
    else {
      out = '';
      for (const ch of s) out += native.has(ch) ? ch : (back.get(ch) ?? ch);
    }
    cache.set(s, out);
    return out;
  };
}

/** The extraction of a simplified copy with every string of its documents given back in the copy's characters. */
export function restoreFile(file: ExtractedFile, back: (s: string) => string): ExtractedFile {
  const orNull = (s: string | null): string | null => (s === null ? null : back(s));
  return {
    ...file,
    documents: file.documents.map((d) => ({
      ...d,
      docNumber: orNull(d.docNumber),
      title: back(d.title),
      issuer: orNull(d.issuer),
      measures: d.measures.map((m) => ({
        ...m,
        path: m.path.map(back),
        title: back(m.title),
        text: back(m.text),
        lead: m.lead.map(back),
        participants: m.participants.map(back),
        unknownDepartments: m.unknownDepartments.map(back),
        deadlineText: orNull(m.deadlineText),
        ...(m.milestones ? { milestones: m.milestones.map((x) => ({ ...x, text: back(x.text) })) } : {}),
        ...(m.checklist ? { checklist: m.checklist.map(back) } : {}),
      })),
      ...(d.diagnostics
        ? {
            diagnostics: d.diagnostics.map((g) => ({
              ...g,
              nearLines: g.nearLines.map((l) => ({ ...l, text: back(l.text) })),
            })),
          }
        : {}),
    })),
  };
}
