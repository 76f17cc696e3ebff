// The topics' names as the catalogue gives them (src/domain/i18n.rs `topic_name`): the one name
// every screen shows for a topic (home, setup, round titles, progress, history, the shelves).
// Bank titles are not topic names.
export const topicName = {
  zh: { fraud: '防范诈骗', privacy: '个人信息保护', investing: '理性投资', rights: '消费者权益' },
  en: { fraud: 'Fraud prevention', privacy: 'Personal information', investing: 'Rational investing', rights: 'Consumer rights' },
};

/** The name of the topic of index entry `entry` in `lang`. */
export const nameOf = (entry, lang = 'zh') => topicName[lang][entry.topic];
