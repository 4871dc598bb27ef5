// Phrase banks of the demo world. Templates name slots in braces; a note fills each slot once, so
// its title and body talk about the same thing. Slots {n}, {season} and {city} are shared by all
// topics; the others belong to a topic.
export const TOPICS = ['beauty', 'fashion', 'food', 'travel', 'home', 'tech'] as const;
export type Topic = (typeof TOPICS)[number];
export type Lang = 'zh' | 'en';
type ByLang<T> = Record<Lang, T>;

interface TopicPhrases {
  slots: ByLang<Record<string, readonly string[]>>;
  titles: ByLang<readonly string[]>;
  sentences: ByLang<readonly string[]>;
  /** Hashtags without '#', added to a note's topics after the topic key itself. */
  hashtags: ByLang<readonly string[]>;
  /** Product names as [Chinese, English]. */
  products: readonly (readonly [string, string])[];
  productPitch: ByLang<readonly string[]>;
  priceYuan: readonly [number, number];
  board: ByLang<string>;
  bio: ByLang<string>;
  /** Ascii words for handles of creators of this topic. */
  handleWords: readonly string[];
  brandSuffixes: ByLang<readonly string[]>;
}

export const SHARED_SLOTS: ByLang<Record<string, readonly string[]>> = {
  zh: {
    season: ['秋冬', '春夏', '早秋', '换季', '夏日', '冬日'],
    city: ['上海', '成都', '杭州', '北京', '广州', '长沙', '西安', '厦门', '重庆', '南京'],
  },
  en: {
    season: ['autumn', 'spring', 'summer', 'winter', 'everyday', 'weekend'],
    city: ['Shanghai', 'Chengdu', 'Hangzhou', 'Beijing', 'Guangzhou', 'Tokyo', 'Seoul', 'Bangkok', 'Singapore'],
  },
};

export const PHRASES: Record<Topic, TopicPhrases> = {
  beauty: {
    slots: {
      zh: { item: ['口红色号', '粉底液', '眼影盘', '防晒霜', '卸妆油', '精华液', '面霜', '腮红', '睫毛膏', '香水', '面膜', '遮瑕'] },
      en: {
        item: [
          'lipstick shades',
          'foundations',
          'eyeshadow palettes',
          'sunscreens',
          'cleansing oils',
          'serums',
          'moisturisers',
          'blushes',
          'mascaras',
          'perfumes',
          'sheet masks',
          'concealers',
        ],
      },
    },
    titles: {
      zh: [
        '{season}必备的{item}分享',
        '{n}款{item}横评｜黄皮亲测',
        '空瓶记｜这款{item}我回购了{n}次',
        '油皮亲妈！{item}真的不踩雷',
        '学生党平价{item}清单',
        '被问爆的{item}来啦',
        '新手也能学会的{item}用法',
        '{season}通勤妆｜{item}怎么选',
      ],
      en: [
        'My {n} favourite {item} right now',
        '{season} {item} guide for beginners',
        'Honest review: the {item} everyone is talking about',
        '{item} I keep repurchasing',
        'Drugstore {item} that beat the luxury ones',
        'Oily skin? These {item} actually work',
      ],
    },
    sentences: {
      zh: [
        '这款{item}我已经用了快一个月，质地很轻薄，上脸完全不闷。',
        '黄黑皮也能驾驭，显白程度真的惊到我了。',
        '持妆大概{n}个小时，中午稍微补一下就好。',
        '敏感肌用了没有泛红，成分也比较温和。',
        '搭配同色系的腮红会更有氛围感。',
        '价格不贵，性价比真的很高。',
        '唯一的缺点是包装有点容易沾指纹。',
        '早八通勤妆十分钟就能搞定。',
        '{season}皮肤容易干，我会先叠一层保湿再上妆。',
      ],
      en: [
        'I have been testing these for about a month and the texture is so lightweight.',
        'They work surprisingly well on my combination skin.',
        'Wear time is around {n} hours before I need a touch-up.',
        'Sensitive skin approved, no redness at all.',
        'A little goes a long way, so one tube lasts for ages.',
        'The packaging is cute but it does collect fingerprints.',
        'Perfect for a quick ten-minute morning routine.',
        'In {season} I always prep with a hydrating layer first.',
      ],
    },
    hashtags: {
      zh: ['口红', '护肤', '化妆教程', '平价好物', '黄皮', '空瓶记'],
      en: ['makeup', 'skincare', 'grwm', 'lipstick', 'sunscreen', 'beautyhaul'],
    },
    products: [
      ['丝绒雾面口红', 'Velvet Matte Lipstick'],
      ['水光粉底液', 'Dewy Skin Foundation'],
      ['十色眼影盘', '10-Pan Eyeshadow Palette'],
      ['清透防晒乳 SPF50+', 'Clear Sunscreen SPF50+'],
      ['温和卸妆油', 'Gentle Cleansing Oil'],
      ['修护精华液', 'Barrier Repair Serum'],
      ['保湿面霜', 'Hydrating Cream'],
      ['奶油腮红', 'Cream Blush'],
      ['纤长睫毛膏', 'Lengthening Mascara'],
    ],
    productPitch: {
      zh: ['轻薄服帖，适合日常通勤妆。', '温和配方，敏感肌也能用。', '小巧便携，出门补妆很方便。'],
      en: [
        'Lightweight, buildable and made for everyday wear.',
        'A gentle formula that sensitive skin loves.',
        'Travel-sized and easy to touch up on the go.',
      ],
    },
    priceYuan: [59, 599],
    board: { zh: '护肤彩妆清单', en: 'Beauty wishlist' },
    bio: { zh: '分享真实好用的美妆护肤｜黄皮/混油', en: 'Honest makeup and skincare reviews' },
    handleWords: ['beauty', 'makeup', 'glow', 'skin'],
    brandSuffixes: { zh: ['美妆', '研究所', '肌肤'], en: ['Beauty', 'Cosmetics', 'Skin', 'Lab'] },
  },
  fashion: {
    slots: {
      zh: { item: ['大衣', '针织开衫', '牛仔裤', '小白鞋', '通勤包', '半身裙', '卫衣', '西装外套', '连衣裙', '羽绒服', '乐福鞋', '围巾'] },
      en: {
        item: [
          'coats',
          'cardigans',
          'jeans',
          'white sneakers',
          'work bags',
          'midi skirts',
          'hoodies',
          'blazers',
          'dresses',
          'puffer jackets',
          'loafers',
          'scarves',
        ],
      },
    },
    titles: {
      zh: [
        '{season}{item}穿搭｜小个子也能穿',
        '一衣多穿！{item}的{n}种搭配',
        '{n}套{item}通勤穿搭合集',
        '{item}怎么选？看这篇就够了',
        '158小个子的{item}穿搭',
        '本命{item}，穿了{n}年还是爱',
        '微胖女生的{item}显瘦秘诀',
      ],
      en: [
        '{n} ways to style {item}',
        '{season} capsule wardrobe: {item} edition',
        'Petite-friendly {item} I actually wear',
        'What I wore this week: {item} edition',
        '{item} that go with everything',
        'Are these the best {item} under ¥500?',
      ],
    },
    sentences: {
      zh: [
        '这件{item}版型很挺括，显瘦又不挑身材。',
        '面料摸起来软软的，不起球。',
        '搭配一双乐福鞋就很有氛围感。',
        '我158cm/48kg，穿S码刚刚好。',
        '颜色是很温柔的燕麦色，百搭不出错。',
        '{season}叠穿一件针织就够暖了。',
        '上班和周末约会都能穿，利用率超高。',
        '洗了{n}次都没有变形。',
      ],
      en: [
        'The cut is structured but still easy to move in.',
        'The fabric feels soft and has not pilled at all.',
        'I am 158 cm and the size S fits perfectly.',
        'Neutral colours make it so easy to mix and match.',
        'It works for the office and for weekend brunch.',
        'Still looks new after {n} washes.',
        'For {season} I layer it over a thin knit.',
      ],
    },
    hashtags: {
      zh: ['ootd', '穿搭', '小个子穿搭', '通勤穿搭', '显瘦'],
      en: ['ootd', 'outfitideas', 'capsulewardrobe', 'petitestyle', 'streetstyle'],
    },
    products: [
      ['羊毛双面大衣', 'Double-faced Wool Coat'],
      ['软糯针织开衫', 'Soft Knit Cardigan'],
      ['高腰直筒牛仔裤', 'High-rise Straight Jeans'],
      ['经典小白鞋', 'Classic White Sneakers'],
      ['真皮托特包', 'Leather Tote Bag'],
      ['百褶半身裙', 'Pleated Midi Skirt'],
      ['宽松连帽卫衣', 'Oversized Hoodie'],
      ['轻薄羽绒服', 'Light Down Jacket'],
    ],
    productPitch: {
      zh: ['经典版型，多种场合都能穿。', '柔软亲肤，久穿不累。'],
      en: ['A timeless cut for work and weekends.', 'Soft, breathable and comfortable all day.'],
    },
    priceYuan: [99, 999],
    board: { zh: '穿搭灵感', en: 'Outfit ideas' },
    bio: { zh: '158小个子｜每日穿搭记录', en: 'Petite outfits, every day' },
    handleWords: ['style', 'ootd', 'wardrobe', 'closet'],
    brandSuffixes: { zh: ['衣橱', '制衣', '工作室'], en: ['Studio', 'Wear', 'Atelier', 'Closet'] },
  },
  food: {
    slots: {
      zh: {
        spot: ['咖啡店', '火锅店', '面包店', '小馆子', '甜品店', '早餐店', '烧烤店'],
        dish: ['减脂餐', '便当', '家常菜', '番茄牛腩', '葱油拌面', '芝士蛋糕', '可颂'],
      },
      en: {
        spot: ['coffee shops', 'hotpot spots', 'bakeries', 'noodle shops', 'dessert places', 'brunch places', 'street food stalls'],
        dish: ['meal-prep bowls', 'bento lunches', 'weeknight dinners', 'beef stew', 'scallion oil noodles', 'cheesecake', 'croissants'],
      },
    },
    titles: {
      zh: [
        '{city}{n}家宝藏{spot}',
        '本地人才知道的{city}{spot}',
        '人均不到百元的{spot}合集',
        '{n}分钟搞定{dish}｜懒人必备',
        '周末在家做{dish}',
        '零失败{dish}教程',
        '{season}最想吃的{dish}',
      ],
      en: [
        '{n} hidden {spot} in {city}',
        'Where locals actually eat: {spot} in {city}',
        '{dish} ready in {n}0 minutes',
        'Easy {dish} for busy weekdays',
        'My go-to {dish} recipe',
        '{season} comfort food: {dish}',
      ],
    },
    sentences: {
      zh: [
        '这家店藏在老小区里，不排队很难吃到。',
        '招牌一定要点，口感真的绝了。',
        '人均六七十，性价比很高。',
        '步骤超简单，新手也能一次成功。',
        '提前一晚备好料，早上十分钟就能出锅。',
        '{city}的朋友可以冲，周末人会多一点。',
        '味道偏清淡，喜欢重口的可以多加点辣。',
        '我已经连续吃了{n}天都没腻。',
      ],
      en: [
        'It is tucked away in an old neighbourhood, so go early.',
        'The signature dish is a must-order.',
        'About ¥70 per person, which is great value.',
        'The steps are simple enough for a first try.',
        'Prep the night before and it takes ten minutes in the morning.',
        'Friends in {city}, this one is worth the queue.',
        'I have eaten this {n} days in a row and I am not tired of it.',
      ],
    },
    hashtags: { zh: ['探店', '美食', '减脂餐', '家常菜', '咖啡'], en: ['foodie', 'recipe', 'cafehopping', 'mealprep', 'homecooking'] },
    products: [
      ['挂耳咖啡 10包装', 'Drip Coffee Bags, 10 pack'],
      ['手工黄油曲奇礼盒', 'Butter Cookie Gift Box'],
      ['燕麦奶 1L', 'Barista Oat Milk 1L'],
      ['每日坚果礼盒', 'Daily Mixed Nuts Box'],
      ['麻辣火锅底料', 'Spicy Hotpot Base'],
      ['宇治抹茶粉', 'Uji Matcha Powder'],
      ['即食鸡胸肉', 'Ready-to-eat Chicken Breast'],
      ['冻干水果脆', 'Freeze-dried Fruit Crisps'],
    ],
    productPitch: {
      zh: ['配料干净，早餐下午茶都合适。', '开袋即食，办公室囤货首选。'],
      en: ['Clean ingredients, great for breakfast or a snack.', 'Ready to eat, the perfect desk-drawer stash.'],
    },
    priceYuan: [19, 199],
    board: { zh: '想吃的', en: 'Food to try' },
    bio: { zh: '吃遍城市的每个角落｜食谱+探店', en: 'Recipes and cafe hopping' },
    handleWords: ['eats', 'kitchen', 'foodie', 'bites'],
    brandSuffixes: { zh: ['咖啡', '食堂', '烘焙', '良品'], en: ['Kitchen', 'Coffee', 'Bakery', 'Pantry'] },
  },
  travel: {
    slots: {
      zh: {
        place: ['大理', '京都', '三亚', '新疆', '冰岛', '清迈', '厦门', '川西', '东京', '香港'],
        thing: ['行李清单', '攻略', '拍照机位', '民宿清单', '城市漫步路线'],
      },
      en: {
        place: ['Dali', 'Kyoto', 'Sanya', 'Xinjiang', 'Iceland', 'Chiang Mai', 'Xiamen', 'Tokyo', 'Hong Kong', 'Lisbon'],
        thing: ['packing list', 'itinerary', 'photo-spot map', 'hotel list', 'walking route'],
      },
    },
    titles: {
      zh: [
        '{place}{n}日游攻略｜不踩雷版',
        '第一次去{place}？这份{thing}收好',
        '{place}小众拍照机位合集',
        '{season}的{place}美到犯规',
        '一个人的{place}之旅',
        '去{place}前一定要知道的{n}件事',
      ],
      en: [
        '{n} days in {place}: an honest itinerary',
        'First time in {place}? Save this {thing}',
        '{place} on a budget',
        'The {thing} I wish I had before {place}',
        'My {n} favourite carry-on essentials',
        'Hidden photo spots in {place}',
      ],
    },
    sentences: {
      zh: [
        '建议提前一周订票，节假日会涨价。',
        '早上七点前去人最少，拍照出片率最高。',
        '住在老城区附近，走路就能到大部分景点。',
        '当地的公交很方便，不用一直打车。',
        '{season}去温度刚好，记得带一件薄外套。',
        '这次一共花了不到三千，住宿占了一半。',
        '随身带一个充电宝和转换插头。',
        '我把完整路线整理在第{n}张图里了。',
      ],
      en: [
        'Book at least a week ahead, prices jump on holidays.',
        'Go before 7 am to beat the crowds and get the best light.',
        'Staying near the old town means you can walk almost everywhere.',
        'Public transport is easy, no need for taxis.',
        '{season} is the sweet spot, just pack a light jacket.',
        'The whole trip cost less than I expected, half of it on hotels.',
        'The full route is on slide {n}.',
      ],
    },
    hashtags: {
      zh: ['旅行', '旅行攻略', '小众景点', '拍照机位', '周末去哪儿'],
      en: ['travel', 'traveltips', 'itinerary', 'carryon', 'wanderlust'],
    },
    products: [
      ['20寸登机箱', '20" Carry-on Suitcase'],
      ['旅行收纳袋六件套', 'Packing Cubes, set of 6'],
      ['记忆棉颈枕', 'Memory Foam Neck Pillow'],
      ['旅行分装瓶', 'Leak-proof Travel Bottles'],
      ['防水双肩包', 'Waterproof Daypack'],
      ['全球通用转换插头', 'Universal Travel Adapter'],
      ['速干毛巾', 'Quick-dry Towel'],
    ],
    productPitch: {
      zh: ['轻便耐用，短途长途都合适。', '收纳空间大，出行更省心。'],
      en: ['Light, tough and ready for any trip.', 'Smart storage that makes packing painless.'],
    },
    priceYuan: [49, 999],
    board: { zh: '旅行计划', en: 'Travel plans' },
    bio: { zh: '一年飞二十次的旅行博主｜攻略都在笔记里', en: 'Itineraries, packing lists and photo spots' },
    handleWords: ['travels', 'wanders', 'trips', 'abroad'],
    brandSuffixes: { zh: ['旅行', '户外', '出行'], en: ['Travel', 'Gear', 'Voyage', 'Outdoor'] },
  },
  home: {
    slots: {
      zh: {
        room: ['出租屋', '小户型', '卧室', '厨房', '阳台', '客厅', '书房'],
        item: ['收纳好物', '香薰', '落地灯', '地毯', '置物架', '床品', '绿植'],
      },
      en: {
        room: ['rental flat', 'small apartment', 'bedroom', 'kitchen', 'balcony', 'living room', 'home office'],
        item: ['storage hacks', 'candles', 'floor lamps', 'rugs', 'shelves', 'bedding sets', 'houseplants'],
      },
    },
    titles: {
      zh: [
        '{room}改造｜花了不到{n}千',
        '提升幸福感的{n}件{item}',
        '{room}收纳思路分享',
        '租房党也能用的{item}',
        '把{room}住成喜欢的样子',
        '{season}家居好物清单',
      ],
      en: [
        '{room} makeover for under ¥{n}000',
        '{n} {item} that made my home cosier',
        'Renter-friendly {item}',
        'How I organise my {room}',
        'Tiny {room} tour',
        '{season} home refresh: {item}',
      ],
    },
    sentences: {
      zh: [
        '整体走的是原木奶油风，看着就很放松。',
        '不用打孔，退租的时候也不会被扣押金。',
        '晚上只开一盏落地灯，氛围感直接拉满。',
        '收纳的核心是给每样东西一个固定位置。',
        '这{n}件小东西加起来不到五百块。',
        '绿植选的是好养的龟背竹和绿萝。',
        '{season}换上厚一点的床品，幸福感翻倍。',
      ],
      en: [
        'The whole place is warm wood and cream tones, so calming.',
        'No drilling needed, so the deposit is safe.',
        'One floor lamp in the evening changes the whole mood.',
        'The trick is giving everything a fixed home.',
        'All {n} of these cost less than ¥500 together.',
        'I went for easy plants like monstera and pothos.',
        'Switching to heavier bedding for {season} feels so good.',
      ],
    },
    hashtags: {
      zh: ['家居', '租房改造', '收纳', '小户型', '好物分享'],
      en: ['homedecor', 'roomtour', 'organisation', 'smallspace', 'cosyhome'],
    },
    products: [
      ['香薰蜡烛', 'Scented Soy Candle'],
      ['弧形落地灯', 'Arc Floor Lamp'],
      ['手工羊毛地毯', 'Hand-tufted Wool Rug'],
      ['可叠加收纳箱', 'Stackable Storage Box'],
      ['纯棉四件套', 'Cotton Bedding Set'],
      ['竹制置物架', 'Bamboo Shelf'],
      ['陶瓷花瓶', 'Ceramic Vase'],
      ['静音香薰机', 'Quiet Aroma Diffuser'],
    ],
    productPitch: {
      zh: ['简约设计，和各种风格都搭。', '小空间也能放得下。'],
      en: ['Simple design that fits any style.', 'Compact enough for the smallest flat.'],
    },
    priceYuan: [29, 799],
    board: { zh: '家居灵感', en: 'Home inspo' },
    bio: { zh: '租房也要好好生活｜小户型改造', en: 'Making small rentals feel like home' },
    handleWords: ['home', 'nest', 'living', 'rooms'],
    brandSuffixes: { zh: ['家居', '生活', '杂货'], en: ['Home', 'Living', 'Objects', 'Nest'] },
  },
  tech: {
    slots: {
      zh: {
        device: ['手机', '降噪耳机', '平板', '机械键盘', '显示器', '充电宝', '相机', '智能手表', '笔记本'],
        thing: ['桌面布置', '效率App', '拍照技巧', '数码配件'],
      },
      en: {
        device: ['phone', 'earbuds', 'tablet', 'mechanical keyboard', 'monitor', 'power bank', 'camera', 'smartwatch', 'laptop'],
        thing: ['desk setup', 'productivity apps', 'photo tricks', 'accessories'],
      },
    },
    titles: {
      zh: [
        '{device}使用{n}个月真实感受',
        '学生党{device}怎么选',
        '打工人的{thing}分享',
        '{n}个{device}隐藏功能，太好用了',
        '{device}开箱｜颜值党狂喜',
        '提高效率的{thing}清单',
      ],
      en: [
        'The {device} after {n} months: honest review',
        'Best {device} for students',
        'My {thing} for working from home',
        '{n} hidden features of my {device}',
        'Unboxing the {device} everyone wants',
        '{season} {thing} refresh',
      ],
    },
    sentences: {
      zh: [
        '续航比我想象中好，一天一充完全够用。',
        '降噪效果在地铁上也很明显。',
        '颜值很高，放在桌面上就很好看。',
        '系统流畅，用了{n}个月没有卡顿。',
        '唯一的槽点是充电线有点短。',
        '配合快捷指令，每天能省下不少时间。',
        '这个价位里很难找到更好的选择了。',
      ],
      en: [
        'Battery life is better than I expected, a full day easily.',
        'Noise cancelling is noticeable even on the metro.',
        'It looks great on the desk, very clean design.',
        'Still smooth after {n} months of daily use.',
        'My only complaint is the short cable.',
        'With a few shortcuts it saves me time every day.',
        'Hard to beat at this price.',
      ],
    },
    hashtags: {
      zh: ['数码', '桌面布置', '开箱', '效率工具', '数码好物'],
      en: ['tech', 'desksetup', 'unboxing', 'productivity', 'gadgets'],
    },
    products: [
      ['主动降噪耳机', 'Noise-cancelling Earbuds'],
      ['矮轴机械键盘', 'Low-profile Mechanical Keyboard'],
      ['27英寸4K显示器', '27" 4K Monitor'],
      ['20000mAh充电宝', '20000mAh Power Bank'],
      ['运动智能手表', 'Fitness Smartwatch'],
      ['铝合金平板支架', 'Aluminium Tablet Stand'],
      ['65W氮化镓充电器', '65W GaN Charger'],
      ['拍立得相机', 'Instant Camera'],
    ],
    productPitch: {
      zh: ['做工扎实，日常通勤必备。', '一年质保，全国联保。'],
      en: ['Solid build for everyday carry.', 'One-year warranty included.'],
    },
    priceYuan: [99, 999],
    board: { zh: '数码种草', en: 'Tech wishlist' },
    bio: { zh: '数码爱好者｜只说真话的测评', en: 'Gadget reviews without the hype' },
    handleWords: ['tech', 'gadgets', 'setup', 'bytes'],
    brandSuffixes: { zh: ['数码', '科技', '电子'], en: ['Tech', 'Audio', 'Labs', 'Devices'] },
  },
};

export const NOTE_OPENERS: ByLang<readonly string[]> = {
  zh: ['姐妹们！', '终于来交作业了～', '被问了好多次，今天统一回复。', '记录一下最近的心头好。', '不是广告，纯自用分享。'],
  en: [
    'Okay, I have to share this.',
    'You asked, so here it is.',
    'A quick one today.',
    'Not sponsored, just love it.',
    'Saving this for future me.',
  ],
};

export const NOTE_CLOSERS: ByLang<readonly string[]> = {
  zh: ['有问题评论区见👇', '觉得有用记得收藏～', '你们还有什么想看的？', '下期见！'],
  en: ['Questions? Drop them below.', 'Save this for later!', 'What should I try next?', 'See you in the next one.'],
};

export const COMMENTS: ByLang<readonly string[]> = {
  zh: [
    '求链接！',
    '太好看了吧',
    '已收藏，周末去试试',
    '这个真的绝了',
    '博主皮肤好好',
    '蹲一个后续',
    '同款！真的很好用',
    '请问是什么色号呀',
    '码住了',
    '好实用，谢谢分享',
  ],
  en: [
    'Saving this!',
    'Where is this from?',
    'This is so helpful, thank you',
    'Need this in my life',
    'Just ordered one',
    'Love this look',
    'Adding to my list',
    'How long did it last?',
    'Great tips!',
    'Obsessed with this',
  ],
};

export const REPLIES: ByLang<readonly string[]> = {
  zh: ['同问', '我也想知道', '笔记里有商品链接哦', '我用过，真的不错', '哈哈哈一样'],
  en: ['Same question!', 'It is in the product tag', 'Same here', 'Agreed, it is great', 'Following for the answer'],
};

export const HIDE_REASONS = ['not_interested', 'seen_too_often', 'low_quality'] as const;

export const GENERAL_BOARD: ByLang<string> = { zh: '想买的', en: 'Wishlist' };

/** Brand name stems as [display name, ascii for the handle]. */
export const BRAND_STEMS: ByLang<readonly (readonly [string, string])[]> = {
  zh: [
    ['青禾', 'qinghe'],
    ['木白', 'mubai'],
    ['山野', 'shanye'],
    ['半糖', 'bantang'],
    ['拾光', 'shiguang'],
    ['森屿', 'senyu'],
    ['一方', 'yifang'],
    ['橘子', 'juzi'],
    ['南风', 'nanfeng'],
    ['小鹿', 'xiaolu'],
    ['白桃', 'baitao'],
    ['暖阳', 'nuanyang'],
  ],
  en: [
    ['Lumi', 'lumi'],
    ['Nord', 'nord'],
    ['Aura', 'aura'],
    ['Sol', 'sol'],
    ['Kiko', 'kiko'],
    ['Velo', 'velo'],
    ['Terra', 'terra'],
    ['Nova', 'nova'],
    ['Mira', 'mira'],
    ['Lark', 'lark'],
    ['Oak', 'oak'],
    ['Pebble', 'pebble'],
    ['Haze', 'haze'],
    ['Ember', 'ember'],
    ['Fern', 'fern'],
    ['Otto', 'otto'],
  ],
};

export const PEOPLE = {
  /** Ascii first names for handles and English display names. */
  first: [
    'lily',
    'momo',
    'anna',
    'chloe',
    'kevin',
    'jason',
    'emma',
    'mia',
    'leo',
    'ryan',
    'ivy',
    'zoe',
    'coco',
    'nina',
    'ethan',
    'grace',
    'luna',
    'max',
    'amy',
    'ben',
  ],
  pinyin: [
    'xiaoyu',
    'tingting',
    'yiyi',
    'jiajia',
    'mengmeng',
    'haoran',
    'zixuan',
    'yutong',
    'xinyi',
    'wenwen',
    'lele',
    'doudou',
    'yaoyao',
    'chenchen',
    'xiaolu',
    'nannan',
  ],
  last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Lin', 'Huang', 'Zhou', 'Wu', 'Xu', 'Park', 'Kim', 'Tan', 'Lee', 'Ng', 'Smith'],
  zhPrefix: ['小', '阿', '大', ''],
  zhName: ['鱼', '桃子', '橙子', '柚子', '鹿', '糖', '雪', '茉莉', '七七', '可乐', '芋圆', '布丁', '栗子', '西瓜'],
  zhSuffix: ['', '酱', '同学', '的日常', '在旅行', '爱吃饭', '不吃辣', '今天也要开心'],
} as const;
