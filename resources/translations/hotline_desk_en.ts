<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DraftBanner</name>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>恢复草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>丢弃</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>热线座席工作台 — 座席 %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>智能助手</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>受理工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>工单队列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>本机数据：%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>&lt;h2&gt;欢迎使用热线座席工作台&lt;/h2&gt;&lt;p&gt;本机还没有工单。所有工单先保存在本机，断网也不会丢失。&lt;/p&gt;&lt;p&gt;直接在下面的表单里受理第一张工单（&lt;b&gt;Ctrl+S&lt;/b&gt; 保存，&lt;b&gt;Ctrl+N&lt;/b&gt; 新建），或从“文件 → 导入工单”导入 Excel/CSV 表格，或先生成演示数据试一试。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>生成演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>受理新工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>导入工单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>导出当前队列…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>查看(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>搜索工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>已保存 %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="165"/>
        <source>工单 %n 条</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>正在生成演示数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>已生成 %s 条演示工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>操作未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>操作未完成：%s
已保存的工单不受影响，请稍后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>导入工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>表格 (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>正在导入 %s …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>未识别的列（已忽略）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>第%1行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>……另有 %s 行出错</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>导入完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>导出当前队列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>已导出 %1 条到 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>（无标题）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>发现上次未保存的工单草稿：“%1”。要恢复吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="81"/>
        <source>本地编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="81"/>
        <source>受理时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="81"/>
        <source>渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="81"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="82"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="82"/>
        <source>来电人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="82"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="82"/>
        <source>分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="83"/>
        <source>区县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="83"/>
        <source>紧急程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="83"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="83"/>
        <source>承办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="84"/>
        <source>办理期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="109"/>
        <source>查询失败：%s。请修改筛选条件后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="250"/>
        <source>（保密）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../ui/queue_view.py" line="48"/>
        <source>搜索标题、诉求内容、地址、来电人（任意长度的词，空格分隔多个词）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="50"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="51"/>
        <source>全部渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="52"/>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="53"/>
        <source>全部分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="54"/>
        <source>全部区县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="55"/>
        <source>全部紧急程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="57"/>
        <source>全部期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="58"/>
        <source>已超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="59"/>
        <source>即将到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="61"/>
        <source>全部时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="61"/>
        <source>今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="62"/>
        <source>本周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_view.py" line="62"/>
        <source>日期范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_view.py" line="156"/>
        <source>共 %n 条</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../ui/ticket_detail.py" line="50"/>
        <source>工单 %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="55"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="56"/>
        <source>受理时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="57"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="58"/>
        <source>渠道 / 类型 / 紧急程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="63"/>
        <source>显示号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="67"/>
        <source>来电人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="68"/>
        <source>分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="70"/>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="72"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="73"/>
        <source>诉求内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="74"/>
        <source>承办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="75"/>
        <source>办理期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="77"/>
        <source>办理结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="81"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="81"/>
        <source>座席</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="81"/>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="81"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="93"/>
        <location filename="../../ui/ticket_detail.py" line="123"/>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="99"/>
        <source>处理记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="112"/>
        <source>（保密工单，来电人信息不显示）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="114"/>
        <source>匿名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="123"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_detail.py" line="123"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../ui/ticket_form.py" line="153"/>
        <source>手机或固话，如 13812345678 / 0370-3221234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="154"/>
        <location filename="../../ui/ticket_form.py" line="458"/>
        <source>匿名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="155"/>
        <source>保密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="159"/>
        <source>路名、小区、楼栋门牌或参照物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="161"/>
        <source>一句话概括诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="164"/>
        <source>发生了什么、在哪里、持续多久、希望怎么解决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="172"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="202"/>
        <source>受理渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="203"/>
        <source>诉求类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="204"/>
        <source>紧急程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="205"/>
        <source>来电人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="206"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="212"/>
        <source>一级分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="213"/>
        <source>二级分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="214"/>
        <source>三级分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="215"/>
        <source>区县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="216"/>
        <source>乡镇/街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="217"/>
        <source>承办单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="218"/>
        <source>详细地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="219"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="220"/>
        <source>诉求内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="226"/>
        <source>新建 (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="227"/>
        <source>保存 (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="416"/>
        <source>草稿未能保存到本机（%s）。请检查磁盘空间；已输入的内容仍在表单中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ticket_form.py" line="433"/>
        <source>还有 %n 处需要修改，见红字提示。</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="460"/>
        <source>已保存工单 %1，来电 %2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="468"/>
        <source>未保存：请按红字提示修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="471"/>
        <source>未保存：写入本机数据库失败（%s）。内容仍在表单和草稿中，请检查磁盘空间后再按 Ctrl+S。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="494"/>
        <source>正在修改工单 %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.py" line="501"/>
        <source>已恢复上次未保存的草稿。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../ui/vocabulary.py" line="11"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="11"/>
        <source>微信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="12"/>
        <source>微博</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="12"/>
        <source>邮箱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="13"/>
        <source>网站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="13"/>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="14"/>
        <source>有诉即办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="14"/>
        <source>省平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="15"/>
        <source>人民网留言板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="16"/>
        <source>咨询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="16"/>
        <source>求助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="17"/>
        <source>投诉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="17"/>
        <source>举报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="18"/>
        <source>建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="18"/>
        <source>表扬</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="19"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="20"/>
        <source>一般</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="20"/>
        <source>紧急</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="21"/>
        <source>特急</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="22"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="22"/>
        <source>派单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="23"/>
        <source>签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="23"/>
        <source>办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="24"/>
        <source>办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="24"/>
        <source>回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="25"/>
        <source>归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="25"/>
        <source>退单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="26"/>
        <source>满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="26"/>
        <source>基本满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="27"/>
        <source>不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="27"/>
        <source>未联系上</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
